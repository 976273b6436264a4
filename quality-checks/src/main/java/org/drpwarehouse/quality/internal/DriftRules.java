package org.drpwarehouse.quality.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.drpwarehouse.quality.GateSettings;
import org.drpwarehouse.quality.RuleOutcome;
import org.drpwarehouse.quality.Thresholds;
import org.drpwarehouse.schemas.warehouse.GoldTables;
import org.drpwarehouse.schemas.warehouse.QualityTables;
import org.drpwarehouse.schemas.warehouse.QualityTables.Severity;
import org.drpwarehouse.schemas.warehouse.QualityTables.Suite;

/**
 * The drift rules (Warning): this month's volumes and shares against what earlier gate runs
 * recorded in the Deequ metrics repository.
 *
 * <ul>
 *   <li>{@value RuleCatalog#DRIFT_VOLUME}: disputes started in the last complete month, divided by
 *       the mean of the six months before it as earlier runs recorded them; warns below 0.5 ("this
 *       month below half of the six-month mean"). Judged once at least {@value #MIN_HISTORY_MONTHS}
 *       of those months are in the history and their mean is at least {@value #MIN_MEAN_DISPUTES}.
 *   <li>{@value RuleCatalog#DRIFT_THEME_SHARE}: for each theme with at least {@value
 *       #MIN_THEME_DISPUTES} disputes this month, its mean share over the six months before divided
 *       by its share this month; warns below 0.5 (the share more than doubled). The metric is the
 *       smallest ratio; the failing ids name the themes.
 * </ul>
 *
 * <p>Each run records the last complete month's volumes (and, for an authority the history does not
 * know yet, the six months before too, so that drift can be judged from the next run on).
 * Instances: {@code 381|drift.dispute_volume|2024-05} (a Deequ Size) and {@code
 * 381|drift.theme_share|2024-05|placement_stability} (a Deequ Compliance).
 */
public final class DriftRules {
  public static final Thresholds DEFAULT = Thresholds.warnOnly(0.5);
  public static final int HISTORY_MONTHS = 6;
  public static final int MIN_HISTORY_MONTHS = 3;
  public static final int MIN_MEAN_DISPUTES = 4;
  public static final int MIN_THEME_DISPUTES = 3;

  private static final String VOLUME_CLAUSE =
      "drift: disputes started in the last complete month against the mean of the six months before, as earlier gate"
          + " runs recorded them (Deequ metrics repository)";
  private static final String SHARE_CLAUSE =
      "drift: each theme's share of the disputes started in the last complete month against its mean share over the"
          + " six months before, as earlier gate runs recorded them";
  private static final String VOLUME_HINT =
      "check that the latest extract is complete (a missing file or a month cut short) before publishing; if the fall"
          + " is real, say so beside the figures";
  private static final String SHARE_HINT =
      "check that the categories of the latest extract are coded as before (a new code list, a mapping change); if the"
          + " rise is real, say so beside the figures";

  /** One month's disputes started of one authority and theme. */
  public record Count(String authority, YearMonth month, String theme, long disputes) {}

  /** One month's figures of one authority, as recorded: its volume and theme shares. */
  private record MonthFigures(Long volume, Map<String, Double> shares) {}

  private DriftRules() {}

  /** The last complete calendar month on the as-of date. */
  public static YearMonth currentMonth(LocalDate asOf) {
    YearMonth month = YearMonth.from(asOf);
    return asOf.equals(month.atEndOfMonth()) ? month : month.minusMonths(1);
  }

  /** authority -> month -> figures, the latest run's figures winning for each month. */
  static Map<String, Map<YearMonth, MonthFigures>> history(List<DeequFacade.StoredMetric> stored) {
    Map<String, Map<YearMonth, Long>> volumes = new TreeMap<>();
    Map<String, Map<YearMonth, Map<String, Double>>> shares = new TreeMap<>();
    for (DeequFacade.StoredMetric m : stored) { // oldest first: later runs overwrite
      String[] parts = m.instance().split("\\|");
      if (parts.length == 3 && parts[1].equals(RuleCatalog.DRIFT_VOLUME)) {
        volumes.computeIfAbsent(parts[0], a -> new TreeMap<>()).put(YearMonth.parse(parts[2]), Math.round(m.value()));
        // a new volume for a month replaces that month's shares too
        shares.computeIfAbsent(parts[0], a -> new TreeMap<>()).put(YearMonth.parse(parts[2]), new TreeMap<>());
      }
    }
    for (DeequFacade.StoredMetric m : stored) {
      String[] parts = m.instance().split("\\|");
      if (parts.length == 4 && parts[1].equals(RuleCatalog.DRIFT_THEME_SHARE)) {
        Map<String, Double> month = shares.computeIfAbsent(parts[0], a -> new TreeMap<>())
            .computeIfAbsent(YearMonth.parse(parts[2]), x -> new TreeMap<>());
        month.put(parts[3], m.value());
      }
    }
    Map<String, Map<YearMonth, MonthFigures>> all = new TreeMap<>();
    volumes.forEach((authority, months) -> months.forEach((month, volume) -> all
        .computeIfAbsent(authority, a -> new TreeMap<>())
        .put(month, new MonthFigures(volume, shares.get(authority).getOrDefault(month, Map.of())))));
    return all;
  }

  /** The drift outcomes of every authority for the month. */
  public static List<RuleOutcome> evaluate(Collection<String> authorities, YearMonth month, List<Count> counts,
      List<DeequFacade.StoredMetric> stored, GateSettings settings) {
    Map<String, Map<YearMonth, MonthFigures>> history = history(stored);
    List<RuleOutcome> outcomes = new ArrayList<>();
    for (String authority : authorities) {
      Map<String, Long> themes = new TreeMap<>();
      counts.stream().filter(c -> c.authority().equals(authority) && c.month().equals(month))
          .forEach(c -> themes.merge(c.theme(), c.disputes(), Long::sum));
      long volume = themes.values().stream().mapToLong(Long::longValue).sum();
      List<MonthFigures> before = new ArrayList<>();
      Map<YearMonth, MonthFigures> known = history.getOrDefault(authority, Map.of());
      for (int i = 1; i <= HISTORY_MONTHS; i++) {
        MonthFigures figures = known.get(month.minusMonths(i));
        if (figures != null && figures.volume() != null) {
          before.add(figures);
        }
      }
      outcomes.add(volume(authority, month, volume, before, settings.thresholds(authority, RuleCatalog.DRIFT_VOLUME)));
      outcomes.add(shares(authority, month, themes, volume, before,
          settings.thresholds(authority, RuleCatalog.DRIFT_THEME_SHARE)));
    }
    return outcomes;
  }

  private static RuleOutcome volume(String authority, YearMonth month, long volume, List<MonthFigures> before,
      Thresholds thresholds) {
    double mean = before.stream().mapToLong(MonthFigures::volume).average().orElse(0);
    boolean judged = before.size() >= MIN_HISTORY_MONTHS && mean >= MIN_MEAN_DISPUTES;
    Double ratio = judged ? volume / mean : null;
    String status = thresholds.status(ratio);
    List<String> ids = status.equals(QualityTables.Status.WARN)
        ? List.of(String.format(Locale.ROOT, "%s: %d disputes started, six-month mean %.1f", month, volume, mean))
        : List.of();
    return new RuleOutcome(authority, Suite.DRIFT, RuleCatalog.DRIFT_VOLUME, Severity.WARNING, VOLUME_CLAUSE, VOLUME_HINT,
        status, ratio, thresholds.warn(), null, judged ? 1 : 0, ids.size(), ids);
  }

  private static RuleOutcome shares(String authority, YearMonth month, Map<String, Long> themes, long volume,
      List<MonthFigures> before, Thresholds thresholds) {
    List<String> failing = new ArrayList<>();
    Double smallest = null;
    long judged = 0;
    if (before.size() >= MIN_HISTORY_MONTHS && volume > 0) {
      for (Map.Entry<String, Long> theme : themes.entrySet()) {
        if (theme.getValue() < MIN_THEME_DISPUTES) {
          continue;
        }
        double share = (double) theme.getValue() / volume;
        double meanShare = before.stream().mapToDouble(f -> f.shares().getOrDefault(theme.getKey(), 0.0)).average().orElse(0);
        double ratio = meanShare / share;
        judged++;
        smallest = smallest == null ? ratio : Math.min(smallest, ratio);
        if (ratio < thresholds.warn()) {
          failing.add(String.format(Locale.ROOT, "%s %s: %.0f%% of disputes, six-month mean %.0f%%", theme.getKey(), month,
              share * 100, meanShare * 100));
        }
      }
    }
    String status = thresholds.status(smallest);
    return new RuleOutcome(authority, Suite.DRIFT, RuleCatalog.DRIFT_THEME_SHARE, Severity.WARNING, SHARE_CLAUSE,
        SHARE_HINT, status, smallest, thresholds.warn(), null, judged, failing.size(), failing);
  }

  /**
   * The metrics to record for this run: each authority's volume and theme shares of the month, and of
   * the six months before for an authority the history does not know yet.
   */
  public static List<DeequFacade.MetricRecord> records(YearMonth month, List<Count> counts,
      List<DeequFacade.StoredMetric> stored, Collection<String> authorities) {
    Map<String, Map<YearMonth, MonthFigures>> history = history(stored);
    List<DeequFacade.MetricRecord> records = new ArrayList<>();
    for (String authority : authorities) {
      int back = history.containsKey(authority) ? 0 : HISTORY_MONTHS;
      for (int i = back; i >= 0; i--) {
        YearMonth m = month.minusMonths(i);
        Map<String, Long> themes = new TreeMap<>();
        counts.stream().filter(c -> c.authority().equals(authority) && c.month().equals(m))
            .forEach(c -> themes.merge(c.theme(), c.disputes(), Long::sum));
        long volume = themes.values().stream().mapToLong(Long::longValue).sum();
        String where = GoldTables.AUTHORITY + " = '" + authority.replace("'", "\\'") + "' AND date_format("
            + GoldTables.Summary.START_DATE + ", 'yyyy-MM') = '" + m + "'";
        records.add(new DeequFacade.MetricRecord(DeequFacade.MetricRecord.Kind.SIZE,
            authority + "|" + RuleCatalog.DRIFT_VOLUME + "|" + m, null, where, volume));
        for (Map.Entry<String, Long> theme : themes.entrySet()) {
          records.add(new DeequFacade.MetricRecord(DeequFacade.MetricRecord.Kind.COMPLIANCE,
              authority + "|" + RuleCatalog.DRIFT_THEME_SHARE + "|" + m + "|" + theme.getKey(),
              "coalesce(" + GoldTables.Summary.THEME + ", 'unmapped') = '" + theme.getKey().replace("'", "\\'") + "'",
              where, (double) theme.getValue() / volume));
        }
      }
    }
    return records;
  }
}
