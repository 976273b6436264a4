package org.drpwarehouse.dashboards;

import static org.drpwarehouse.schemas.warehouse.MartTables.*;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.drpwarehouse.dashboards.BoardPublication.Authority;
import org.drpwarehouse.dashboards.BoardPublication.Finding;
import org.drpwarehouse.dashboards.BoardPublication.GateStatus;
import org.drpwarehouse.schemas.warehouse.GoldTables;
import org.drpwarehouse.schemas.warehouse.TableContract;

/**
 * A publication as the pipeline would make it: consistent marts for three authorities over nine
 * financial quarters (teams add up to the authority, quarters to their year, first transitions to
 * the disputes started, themes to the disputes of every process), suppressed together, and a
 * quality verdict: Calderdale passes, Lincolnshire passes with a warning, Lambeth is withheld.
 * Written once per test JVM into {@code target/board-site}.
 */
final class BoardFixture {
  static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
  static final List<String> TEAMS = List.of("North", "South", "Central");
  static final List<String> PROCESSES = List.of("CLA", "CP", "PARTNER", "REVERSE");
  static final List<String> THEMES_USED = List.of("drift_in_care_planning", "placement_suitability", "contact_arrangements",
      "statutory_visits", "care_plan_implementation", "education_provision", "health_provision", "child_not_consulted");
  static final BoardPublication PUBLICATION = new BoardPublication("2025-07-01T0900", Instant.parse("2025-07-01T08:00:00Z"),
      AS_OF,
      List.of(
          new Authority("381", "Calderdale", GateStatus.PASS, List.of()),
          new Authority("925", "Lincolnshire", GateStatus.WARN,
              List.of(new Finding("gold.visits.stage_known", "3 stage visits name a stage not in the policy's ladder"))),
          new Authority("208", "Lambeth", GateStatus.WITHHELD,
              List.of(new Finding("silver.disputes.start_date_present", "14 disputes have no STAGE_OPENED event"),
                  new Finding("gold.visits.due_date_present", "9 stage visits with a timescale have no due date")))),
      GateStatus.WARN, URI.create("quality-report.html"));

  private BoardFixture() {}

  private static final class Holder {
    static final Map<TableContract, Dataset<Row>> SUPPRESSED = SmallNumberSuppression.applyAll(marts());
    static final Path SITE = write();

    private static Path write() {
      try {
        Path folder = Path.of("target", "board-site").toAbsolutePath();
        Files.createDirectories(folder);
        BoardSite.write(SUPPRESSED, PUBLICATION, folder.toUri());
        return folder;
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  static Map<TableContract, Dataset<Row>> suppressed() {
    return Holder.SUPPRESSED;
  }

  static Path site() {
    return Holder.SITE;
  }

  // ---- consistent marts ---------------------------------------------------------------------

  /** The nine quarters from April 2023, as their first days. */
  static List<LocalDate> quarters() {
    List<LocalDate> quarters = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      quarters.add(LocalDate.of(2023, 4, 1).plusMonths(3L * i));
    }
    return quarters;
  }

  static LocalDate yearStart(LocalDate day) {
    return LocalDate.of(day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1, 4, 1);
  }

  /**
   * Sums base cells (per authority, team, quarter and the mart's other dimensions) up to every
   * published row: teams and ALL, quarters and their financial year.
   */
  static final class Sums {
    final Map<String, Map<String, Object>> rows = new TreeMap<>();
    final boolean teams;

    Sums(boolean teams) {
      this.teams = teams;
    }

    void add(String authority, String team, LocalDate quarter, Map<String, Object> dims, Map<String, Long> counts) {
      List<String[]> breakdowns = new ArrayList<>();
      breakdowns.add(new String[] {Breakdown.ALL, ALL_VALUE});
      if (teams) {
        breakdowns.add(new String[] {Breakdown.TEAM, team});
      }
      for (String[] breakdown : breakdowns) {
        for (Map<String, Object> period : List.of(MartRows.period(PeriodType.QUARTER, quarter.toString()),
            MartRows.period(PeriodType.FINANCIAL_YEAR, yearStart(quarter).toString()))) {
          Map<String, Object> key = new LinkedHashMap<>();
          key.put(AUTHORITY, authority);
          key.put(BREAKDOWN, breakdown[0]);
          key.put(BREAKDOWN_VALUE, breakdown[1]);
          key.putAll(period);
          key.putAll(dims);
          Map<String, Object> row = rows.computeIfAbsent(key.toString(), k -> new LinkedHashMap<>(key));
          counts.forEach((column, value) -> row.merge(column, value, (a, b) -> (Long) a + (Long) b));
        }
      }
    }

    Dataset<Row> dataset(TableContract contract) {
      MartRows mart = MartRows.of(contract).defaults(AS_OF_DATE, AS_OF.toString());
      for (Map<String, Object> row : rows.values()) {
        List<Object> pairs = new ArrayList<>();
        row.forEach((k, v) -> {
          if (contract.column(k).isPresent()) {
            pairs.add(k);
            pairs.add(v);
          }
        });
        if (contract.column(MEDIAN_WD_TO_RESPOND).isPresent()) {
          // Medians do not add up: a plausible one per row, the same on every run.
          pairs.add(MEDIAN_WD_TO_RESPOND);
          pairs.add((Long) row.get(RESPONSES) == 0 ? null : 3 + Math.floorMod(row.toString().hashCode(), 15) / 2.0);
        }
        mart.row(pairs.toArray());
      }
      return mart.dataset();
    }
  }

  static long share(Random random, long of, double rate) {
    long n = 0;
    for (int i = 0; i < of; i++) {
      if (random.nextDouble() < rate) {
        n++;
      }
    }
    return n;
  }

  static Map<String, Long> counts(Object... pairs) {
    Map<String, Long> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], ((Number) pairs[i + 1]).longValue());
    }
    return map;
  }

  static Map<String, Object> dims(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }

  static Map<TableContract, Dataset<Row>> marts() {
    Sums disputes = new Sums(true);
    Sums stages = new Sums(true);
    Sums endings = new Sums(false);
    Sums flows = new Sums(false);
    Sums cafcass = new Sums(false);
    Map<String, Long> themeCounts = new TreeMap<>();
    Sums open = new Sums(true);
    Random random = new Random(381);
    Map<String, Integer> size = Map.of("381", 10, "925", 16, "208", 7);
    for (String authority : List.of("381", "925", "208")) {
      for (LocalDate quarter : quarters()) {
        boolean latest = quarter.equals(quarters().get(quarters().size() - 1));
        for (String team : TEAMS) {
          for (String process : PROCESSES) {
            int mean = switch (process) {
              case "CLA" -> size.get(authority);
              case "CP" -> size.get(authority) / 3;
              default -> 1;
            };
            long raised = Math.max(0, mean + random.nextInt(5) - 2);
            long informal = process.equals("CLA") || process.equals("CP") ? share(random, raised, 0.7) : 0;
            long formalEntry = raised - informal;
            long escalated = share(random, informal, 0.35);
            long formal = formalEntry + escalated;
            long intoStage2 = share(random, formalEntry, 0.12);
            long stage2 = share(random, formal - intoStage2, 0.4) + intoStage2;
            long stage3 = share(random, stage2, 0.3);
            long bypassDisputes = intoStage2;
            long repeats = share(random, raised, 0.1);
            disputes.add(authority, team, quarter, dims(PROCESS, process), counts(DISPUTES, raised, INFORMAL_ENTRY, informal,
                FORMAL_ENTRY, formalEntry, FORMAL_DISPUTES, formal, REACHED_STAGE3_PLUS, stage3, BYPASS_DISPUTES, bypassDisputes,
                INFORMAL_ASSESSED, informal, INFORMAL_WITHIN_LIMIT, share(random, informal, 0.8),
                CHILD_INFORMED, share(random, raised, 0.85), RECORDING_COMPLETE, share(random, raised, 0.75),
                REPEAT_DISPUTES, repeats, CAFCASS_CONSULTED_NO_REFERRAL, share(random, raised, 0.03)));
            // Themes: every dispute of every process has one.
            for (int i = 0; i < raised; i++) {
              String theme = THEMES_USED.get(Math.min(THEMES_USED.size() - 1, (int) Math.abs(random.nextGaussian() * 2.6)));
              for (LocalDate start : List.of(quarter, yearStart(quarter))) {
                themeCounts.merge(authority + "|" + (start.equals(quarter) ? PeriodType.QUARTER : PeriodType.FINANCIAL_YEAR)
                    + "|" + start + "|" + theme, 1L, Long::sum);
              }
            }
            if (!process.equals("REVERSE") || raised > 0) {
              stageVisits(stages, random, authority, team, quarter, process, latest,
                  new long[] {informal, formal - escalated + escalated, stage2, stage3});
            }
            // First transitions add up to the disputes started (flows have no TEAM breakdown).
            flows.add(authority, team, quarter, dims(PROCESS, process, FROM_STAGE, START, FROM_RANK, null, TO_STAGE, "informal", TO_RANK, 0),
                counts(TRANSITIONS, informal));
            flows.add(authority, team, quarter, dims(PROCESS, process, FROM_STAGE, START, FROM_RANK, null, TO_STAGE, "stage1", TO_RANK, 1),
                counts(TRANSITIONS, formalEntry - intoStage2));
            flows.add(authority, team, quarter, dims(PROCESS, process, FROM_STAGE, START, FROM_RANK, null, TO_STAGE, "stage2", TO_RANK, 2),
                counts(TRANSITIONS, intoStage2, BYPASSES, intoStage2, BYPASSES_CONSULTATION_REQUIRED, intoStage2,
                    BYPASSES_CONSULTED, share(random, intoStage2, 0.5), BYPASSES_WITHOUT_CONSULTATION, 0));
            flows.add(authority, team, quarter, dims(PROCESS, process, FROM_STAGE, "informal", FROM_RANK, 0, TO_STAGE, "stage1", TO_RANK, 1),
                counts(TRANSITIONS, escalated));
            flows.add(authority, team, quarter, dims(PROCESS, process, FROM_STAGE, "stage1", FROM_RANK, 1, TO_STAGE, "stage2", TO_RANK, 2),
                counts(TRANSITIONS, stage2 - intoStage2));
            flows.add(authority, team, quarter, dims(PROCESS, process, FROM_STAGE, "stage2", FROM_RANK, 2, TO_STAGE, "stage3", TO_RANK, 3),
                counts(TRANSITIONS, stage3));
            long ended = Math.max(0, raised - (latest ? raised / 2 : 0));
            long formalEnded = Math.min(ended, formal);
            long within = share(random, formalEnded, 0.7);
            endings.add(authority, team, quarter, dims(PROCESS, process, RESOLUTION_STAGE, "stage1", RESOLUTION_RANK, 1, OUTCOME, "RESOLVED"),
                counts(ENDED, ended, FORMAL_ENDED, formalEnded, FORMAL_LIMIT_ASSESSED, formalEnded, FORMAL_WITHIN_LIMIT, within));
            if (latest) {
              for (String band : GoldTables.AGE_BANDS) {
                long n = Math.max(0, raised / 3 + random.nextInt(3) - 1);
                long formalOpen = share(random, n, 0.5);
                long past = band.equals("over 20 WD") ? share(random, formalOpen, 0.6) : 0;
                open.add(authority, team, quarter, dims(PROCESS, process, CURRENT_STAGE, "stage1", CURRENT_RANK, 1, AGE_BAND, band),
                    counts(OPEN_DISPUTES, n, FORMAL_OPEN, formalOpen, FORMAL_PAST_LIMIT, past));
              }
            }
          }
        }
        for (String stage : List.of("stage2", "stage3")) {
          long referrals = random.nextInt(stage.equals("stage2") ? 6 : 4) + (authority.equals("925") ? 3 : 1);
          long concurrent = share(random, referrals, 0.4);
          cafcass.add(authority, "", quarter, dims(STAGE_AT_REFERRAL, stage), counts(REFERRALS, referrals, CONCURRENT, concurrent,
              NOTICE_ASSESSED, referrals, NOTICE_COMPLIANT, share(random, referrals, 0.8), INFORM_ASSESSED, referrals,
              INFORMED, share(random, referrals, 0.9)));
        }
      }
    }
    Map<TableContract, Dataset<Row>> marts = new LinkedHashMap<>();
    marts.put(STAGE_TIMELINESS, stages.dataset(STAGE_TIMELINESS));
    marts.put(DISPUTES_STARTED, disputes.dataset(DISPUTES_STARTED));
    marts.put(ENDINGS, endings.dataset(ENDINGS));
    marts.put(BYPASS_TRANSITIONS, flows.dataset(BYPASS_TRANSITIONS));
    marts.put(THEMES, themes(themeCounts));
    marts.put(CAFCASS, cafcass.dataset(CAFCASS));
    marts.put(OPEN_DISPUTES_BY_AGE, openDataset(open));
    return marts;
  }

  private static void stageVisits(Sums stages, Random random, String authority, String team, LocalDate quarter, String process,
      boolean latest, long[] perStage) {
    String[] names = {"informal", "stage1", "stage2", "stage3"};
    for (int s = 0; s < names.length; s++) {
      if (perStage[s] == 0 && s > 0) {
        continue;
      }
      long due = perStage[s];
      long pending = latest ? share(random, due, 0.3) : 0;
      long rest = due - pending;
      long onTime = share(random, rest, s == 0 ? 0.75 : 0.62);
      long late = share(random, rest - onTime, 0.5);
      long ended = share(random, rest - onTime - late, 0.4);
      long overdue = rest - onTime - late - ended;
      stages.add(authority, team, quarter, dims(PROCESS, process, STAGE, names[s], STAGE_RANK, s),
          counts(VISITS_DUE, due, ON_TIME, onTime, LATE, late, OVERDUE, overdue, ENDED_BEFORE_DUE, ended, PENDING, pending,
              ASSESSED, onTime + late + overdue, RESPONSES, onTime + late));
    }
  }

  private static Dataset<Row> openDataset(Sums open) {
    // A snapshot: no period columns; the quarter and year rows of the sums are the same snapshot.
    MartRows mart = MartRows.of(OPEN_DISPUTES_BY_AGE).defaults(AS_OF_DATE, AS_OF.toString());
    for (Map<String, Object> row : open.rows.values()) {
      if (PeriodType.QUARTER.equals(row.get(PERIOD_TYPE))) {
        List<Object> pairs = new ArrayList<>();
        row.forEach((k, v) -> {
          if (OPEN_DISPUTES_BY_AGE.column(k).isPresent()) {
            pairs.add(k);
            pairs.add(v);
          }
        });
        mart.row(pairs.toArray());
      }
    }
    return mart.dataset();
  }

  private static Dataset<Row> themes(Map<String, Long> counts) {
    MartRows mart = MartRows.of(THEMES).defaults(AS_OF_DATE, AS_OF.toString());
    for (Map.Entry<String, Long> entry : counts.entrySet()) {
      String[] key = entry.getKey().split("\\|");
      LocalDate start = LocalDate.parse(key[2]);
      LocalDate previous = key[1].equals(PeriodType.QUARTER) ? start.minusMonths(3) : start.minusYears(1);
      long previousPeriod = counts.getOrDefault(key[0] + "|" + key[1] + "|" + previous + "|" + key[3], 0L);
      long previousYear = counts.getOrDefault(key[0] + "|" + key[1] + "|" + start.minusYears(1) + "|" + key[3], 0L);
      mart.row(AUTHORITY, key[0], MartRows.period(key[1], key[2]), THEME, key[3], DISPUTES, entry.getValue(),
          REPEAT_DISPUTES, entry.getValue() / 9, PREVIOUS_PERIOD_DISPUTES, previousPeriod, PREVIOUS_YEAR_DISPUTES, previousYear);
    }
    return mart.dataset();
  }
}
