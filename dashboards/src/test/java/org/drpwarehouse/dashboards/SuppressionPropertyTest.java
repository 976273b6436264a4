package org.drpwarehouse.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.drpwarehouse.dashboards.SmallNumberSuppression.SUPPRESSED;
import static org.drpwarehouse.schemas.warehouse.MartTables.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.drpwarehouse.schemas.warehouse.TableContract;
import org.junit.jupiter.api.Test;

/**
 * Random tables, each consistent the way a mart is (teams add up to the authority, months to
 * quarters and the year, columns within a row add up), suppressed in one Spark job: whatever the
 * numbers, nothing from 1 to 5 is published and no suppressed value can be worked out from the
 * published totals of a group. The groups are written out here, independently of the engine's
 * own equations.
 */
class SuppressionPropertyTest {
  private static final int AUTHORITIES = 40;
  private static final long[] SKEWED = {0, 0, 0, 1, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9, 11, 14, 20, 30};
  private static final List<String> MONTHS =
      List.of("2024-04-01", "2024-05-01", "2024-06-01", "2024-07-01", "2024-08-01", "2024-09-01");

  /** One cell of a random table: a row (authority, team, period start, type) and a column. */
  record Cell(String row, String column) {}

  /** A random family of tables and the sums a reader could use against it. */
  static final class Fixture {
    final Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
    final List<List<Cell>> groups = new ArrayList<>();
    final List<Cell[]> ofThose = new ArrayList<>();
  }

  static String rowId(String authority, String team, String type, String start) {
    return authority + "|" + team + "|" + type + "|" + start;
  }

  static List<String[]> periods() {
    List<String[]> periods = new ArrayList<>();
    for (String month : MONTHS) {
      periods.add(new String[] {PeriodType.MONTH, month});
    }
    periods.add(new String[] {PeriodType.QUARTER, "2024-04-01"});
    periods.add(new String[] {PeriodType.QUARTER, "2024-07-01"});
    periods.add(new String[] {PeriodType.FINANCIAL_YEAR, "2024-04-01"});
    return periods;
  }

  /** Whether a month lies in a period. */
  static boolean within(String month, String[] period) {
    LocalDate m = LocalDate.parse(month);
    LocalDate start = LocalDate.parse(period[1]);
    int months = switch (period[0]) {
      case PeriodType.MONTH -> 1;
      case PeriodType.QUARTER -> 3;
      default -> 12;
    };
    return !m.isBefore(start) && m.isBefore(start.plusMonths(months));
  }

  /**
   * Builds random tables: per authority 2 to 4 teams, six months, two quarters and a year; base
   * counts per team and month, everything else summed from them.
   */
  static Fixture fixture(long seed, List<String> baseColumns, Map<String, List<String>> derived, List<String[]> ofThose,
      boolean partsAtMostWhole) {
    Random random = new Random(seed);
    Fixture fixture = new Fixture();
    for (int a = 0; a < AUTHORITIES; a++) {
      String authority = "A" + a;
      int teams = 2 + random.nextInt(3);
      Map<String, long[]> base = new HashMap<>();
      for (int t = 0; t < teams; t++) {
        for (String month : MONTHS) {
          long[] values = new long[baseColumns.size()];
          for (int c = 0; c < values.length; c++) {
            values[c] = SKEWED[random.nextInt(SKEWED.length)];
            if (partsAtMostWhole && c > 0) {
              values[c] = Math.min(values[c], values[0]);
            }
          }
          base.put("team" + t + "|" + month, values);
        }
      }
      List<String> teamNames = new ArrayList<>();
      teamNames.add(ALL_VALUE);
      for (int t = 0; t < teams; t++) {
        teamNames.add("team" + t);
      }
      for (String team : teamNames) {
        for (String[] period : periods()) {
          long[] sum = new long[baseColumns.size()];
          for (Map.Entry<String, long[]> entry : base.entrySet()) {
            String[] teamMonth = entry.getKey().split("\\|");
            if ((team.equals(ALL_VALUE) || team.equals(teamMonth[0])) && within(teamMonth[1], period)) {
              for (int c = 0; c < sum.length; c++) {
                sum[c] += entry.getValue()[c];
              }
            }
          }
          Map<String, Object> row = new LinkedHashMap<>();
          row.put(AUTHORITY, authority);
          row.put(BREAKDOWN, team.equals(ALL_VALUE) ? Breakdown.ALL : Breakdown.TEAM);
          row.put(BREAKDOWN_VALUE, team);
          row.putAll(MartRows.period(period[0], period[1]));
          for (int c = 0; c < sum.length; c++) {
            row.put(baseColumns.get(c), sum[c]);
          }
          derived.forEach((total, parts) -> row.put(total, parts.stream().mapToLong(p -> (Long) row.get(p)).sum()));
          fixture.rows.put(rowId(authority, team, period[0], period[1]), row);
        }
      }
      List<String> columns = new ArrayList<>(baseColumns);
      columns.addAll(derived.keySet());
      // Within a row.
      for (String team : teamNames) {
        for (String[] period : periods()) {
          String row = rowId(authority, team, period[0], period[1]);
          derived.forEach((total, parts) -> {
            List<Cell> group = new ArrayList<>();
            group.add(new Cell(row, total));
            parts.forEach(p -> group.add(new Cell(row, p)));
            fixture.groups.add(group);
          });
          for (String[] pair : ofThose) {
            fixture.ofThose.add(new Cell[] {new Cell(row, pair[0]), new Cell(row, pair[1])});
          }
        }
      }
      for (String column : columns) {
        // Teams add up to the authority.
        for (String[] period : periods()) {
          List<Cell> group = new ArrayList<>();
          for (String team : teamNames) {
            group.add(new Cell(rowId(authority, team, period[0], period[1]), column));
          }
          fixture.groups.add(group);
        }
        // Months add up to their quarter and year, quarters to the year.
        for (String team : teamNames) {
          List<String[]> periods = periods();
          for (String[] total : periods) {
            if (total[0].equals(PeriodType.MONTH)) {
              continue;
            }
            for (String partType : List.of(PeriodType.MONTH, PeriodType.QUARTER)) {
              List<Cell> group = new ArrayList<>();
              group.add(new Cell(rowId(authority, team, total[0], total[1]), column));
              for (String[] part : periods) {
                if (part[0].equals(partType) && !part[0].equals(total[0]) && within(part[1], total)) {
                  group.add(new Cell(rowId(authority, team, part[0], part[1]), column));
                }
              }
              if (group.size() > 1) {
                fixture.groups.add(group);
              }
            }
          }
        }
      }
    }
    return fixture;
  }

  static Map<String, Row> suppress(Fixture fixture, TableContract contract, Object... defaults) {
    MartRows rows = MartRows.of(contract).defaults(defaults);
    for (Map<String, Object> row : fixture.rows.values()) {
      List<Object> pairs = new ArrayList<>();
      row.forEach((k, v) -> {
        pairs.add(k);
        pairs.add(v);
      });
      rows.row(pairs.toArray());
    }
    Map<String, Row> out = new HashMap<>();
    for (Row row : SmallNumberSuppression.apply(rows.dataset(), contract).collectAsList()) {
      out.put(rowId(row.getAs(AUTHORITY), row.getAs(BREAKDOWN_VALUE), row.getAs(PERIOD_TYPE),
          row.getAs(PERIOD_START).toString()), row);
    }
    return out;
  }

  static boolean suppressed(Map<String, Row> out, Cell cell) {
    Row row = out.get(cell.row());
    return row.<String>getList(row.fieldIndex(SUPPRESSED)).contains(cell.column());
  }

  static void assertNothingSmallIsPublishedOrRecoverable(Fixture fixture, Map<String, Row> out, List<String> counts) {
    assertThat(out).as("every row comes back").hasSize(fixture.rows.size());
    int withheld = 0;
    for (Map.Entry<String, Map<String, Object>> entry : fixture.rows.entrySet()) {
      Row row = out.get(entry.getKey());
      for (String column : counts) {
        long truth = (Long) entry.getValue().get(column);
        Object shown = row.getAs(column);
        if (shown == null) {
          withheld++;
          assertThat(row.<String>getList(row.fieldIndex(SUPPRESSED))).as(entry.getKey() + " lists " + column).contains(column);
        } else {
          assertThat((Long) shown).as(entry.getKey() + " " + column + " is published as it is").isEqualTo(truth);
          assertThat(truth).as(entry.getKey() + " " + column + " published").satisfiesAnyOf(v -> assertThat(v).isZero(),
              v -> assertThat(v).isGreaterThan(5));
        }
      }
    }
    for (List<Cell> group : fixture.groups) {
      long hidden = group.stream().filter(cell -> suppressed(out, cell)).count();
      assertThat(hidden).as("suppressed cells of the published sum " + group + " (one alone could be recomputed)")
          .isNotEqualTo(1);
    }
    for (Cell[] pair : fixture.ofThose) {
      if (!suppressed(out, pair[0]) && !suppressed(out, pair[1])) {
        long whole = (Long) fixture.rows.get(pair[0].row()).get(pair[0].column());
        long part = (Long) fixture.rows.get(pair[1].row()).get(pair[1].column());
        assertThat(whole - part).as(pair[0] + " minus " + pair[1].column() + " published").satisfiesAnyOf(
            v -> assertThat(v).isZero(), v -> assertThat(v).isGreaterThan(5));
      }
    }
    assertThat(withheld).as("the random tables had small numbers to suppress").isGreaterThan(100);
  }

  /**
   * The suppressed cells (and hidden complements from 1 to 5) that all the published sums
   * together, not one group at a time, pin down exactly: solved by Gauss-Jordan elimination
   * modulo a large prime over the unknown cells of each authority.
   */
  static List<String> recoverableBySolvingEverySum(Fixture fixture, Map<String, Row> out) {
    final long p = 2_147_483_647L;
    Map<String, List<long[]>> unused = new HashMap<>();
    Map<String, Map<Object, Integer>> unknownsByAuthority = new HashMap<>();
    Map<String, List<Map<Integer, Long>>> equationsByAuthority = new HashMap<>();
    List<String> sensitiveLabels = new ArrayList<>();
    Map<String, Map<Integer, Boolean>> sensitive = new HashMap<>();
    List<List<Object[]>> all = new ArrayList<>();
    for (List<Cell> group : fixture.groups) {
      List<Object[]> terms = new ArrayList<>();
      for (int i = 0; i < group.size(); i++) {
        terms.add(new Object[] {group.get(i), i == 0 ? 1L : p - 1});
      }
      all.add(terms);
    }
    for (Cell[] pair : fixture.ofThose) {
      String complement = "complement of " + pair[1];
      all.add(List.of(new Object[] {pair[0], 1L}, new Object[] {pair[1], p - 1}, new Object[] {complement, p - 1}));
    }
    for (List<Object[]> terms : all) {
      String authority = null;
      Map<Integer, Long> equation = new HashMap<>();
      for (Object[] term : terms) {
        Object id = term[0];
        String row = id instanceof Cell cell ? cell.row() : ((String) id).replaceFirst("^complement of Cell\\[row=", "");
        authority = row.substring(0, row.indexOf('|'));
        boolean unknown;
        boolean small;
        if (id instanceof Cell cell) {
          unknown = suppressed(out, cell);
          small = unknown;
        } else {
          Cell part = fixture.ofThose.stream().filter(pair -> id.equals("complement of " + pair[1])).findFirst().get()[1];
          Cell whole = fixture.ofThose.stream().filter(pair -> pair[1].equals(part)).findFirst().get()[0];
          long value = (Long) fixture.rows.get(whole.row()).get(whole.column()) - (Long) fixture.rows.get(part.row()).get(part.column());
          unknown = true;
          small = value >= 1 && value <= 5;
        }
        if (unknown) {
          Map<Object, Integer> unknowns = unknownsByAuthority.computeIfAbsent(authority, k -> new HashMap<>());
          int index = unknowns.computeIfAbsent(id, k -> unknowns.size());
          equation.merge(index, (Long) term[1], (a, b) -> (a + b) % p);
          sensitive.computeIfAbsent(authority, k -> new HashMap<>()).put(index, small);
        }
      }
      equationsByAuthority.computeIfAbsent(authority, k -> new ArrayList<>()).add(equation);
    }
    for (Map.Entry<String, Map<Object, Integer>> entry : unknownsByAuthority.entrySet()) {
      String authority = entry.getKey();
      int n = entry.getValue().size();
      List<long[]> matrix = new ArrayList<>();
      for (Map<Integer, Long> equation : equationsByAuthority.get(authority)) {
        long[] row = new long[n];
        equation.forEach((k, v) -> row[k] = v);
        matrix.add(row);
      }
      int[] pivotRowOf = new int[n];
      java.util.Arrays.fill(pivotRowOf, -1);
      int r = 0;
      for (int c = 0; c < n && r < matrix.size(); c++) {
        int pivot = -1;
        for (int i = r; i < matrix.size(); i++) {
          if (matrix.get(i)[c] != 0) {
            pivot = i;
            break;
          }
        }
        if (pivot < 0) {
          continue;
        }
        java.util.Collections.swap(matrix, r, pivot);
        long[] pr = matrix.get(r);
        long inv = java.math.BigInteger.valueOf(pr[c]).modInverse(java.math.BigInteger.valueOf(p)).longValue();
        for (int j = 0; j < n; j++) {
          pr[j] = pr[j] * inv % p;
        }
        for (int i = 0; i < matrix.size(); i++) {
          long[] other = matrix.get(i);
          if (i != r && other[c] != 0) {
            long f = other[c];
            for (int j = 0; j < n; j++) {
              other[j] = ((other[j] - f * pr[j]) % p + p) % p;
            }
          }
        }
        pivotRowOf[c] = r;
        r++;
      }
      Map<Integer, Object> names = new HashMap<>();
      entry.getValue().forEach((k, v) -> names.put(v, k));
      for (int c = 0; c < n; c++) {
        if (pivotRowOf[c] < 0 || !sensitive.get(authority).get(c)) {
          continue;
        }
        long[] row = matrix.get(pivotRowOf[c]);
        boolean determined = true;
        for (int j = 0; j < n; j++) {
          if (j != c && row[j] != 0) {
            determined = false;
            break;
          }
        }
        if (determined) {
          sensitiveLabels.add(String.valueOf(names.get(c)));
        }
      }
    }
    return sensitiveLabels;
  }

  @Test
  void no_small_stage_timeliness_count_is_published_or_recoverable_from_a_group_total() {
    List<String> base = List.of(ON_TIME, LATE, OVERDUE, ENDED_BEFORE_DUE, PENDING);
    Map<String, List<String>> derived = new LinkedHashMap<>();
    derived.put(VISITS_DUE, List.of(ON_TIME, LATE, OVERDUE, ENDED_BEFORE_DUE, PENDING));
    derived.put(ASSESSED, List.of(ON_TIME, LATE, OVERDUE));
    derived.put(RESPONSES, List.of(ON_TIME, LATE));
    Fixture fixture = fixture(20240401L, base, derived, List.of(), false);

    Map<String, Row> out = suppress(fixture, STAGE_TIMELINESS, STAGE, "stage1", STAGE_RANK, 1, MEDIAN_WD_TO_RESPOND, 4.0);

    List<String> counts = new ArrayList<>(base);
    counts.addAll(derived.keySet());
    assertNothingSmallIsPublishedOrRecoverable(fixture, out, counts);
    assertThat(recoverableBySolvingEverySum(fixture, out))
        .as("suppressed cells that all the published sums together pin down").isEmpty();
    for (Row row : out.values()) {
      assertThat(row.getAs(MEDIAN_WD_TO_RESPOND) == null).as("the median goes exactly when its responses go")
          .isEqualTo(row.getAs(RESPONSES) == null);
    }
  }

  @Test
  void no_small_recording_count_or_small_complement_is_published_or_recoverable() {
    Fixture fixture = fixture(903L, List.of(APPLICABLE, MET), Map.of(), List.<String[]>of(new String[] {APPLICABLE, MET}), true);

    Map<String, Row> out = suppress(fixture, RECORDING, REQUIREMENT, "record.child_informed");

    assertNothingSmallIsPublishedOrRecoverable(fixture, out, List.of(APPLICABLE, MET));
    assertThat(recoverableBySolvingEverySum(fixture, out))
        .as("suppressed cells and small complements that all the published sums together pin down").isEmpty();
  }
}
