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
import java.util.TreeMap;
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

  /** The hidden difference of a whole and its part "of those". */
  record Complement(Cell whole, Cell part) {}

  /** One term of a published sum: a cell or a complement, with its coefficient (1 or -1). */
  record Term(Object unknown, int sign) {}

  /**
   * The suppressed cells (and hidden complements from 1 to 5) that all the published sums
   * together, not one group at a time, pin down exactly: Gauss-Jordan elimination modulo the prime
   * 2^31 - 1 over the unknowns of each authority (known cells drop out: only which unknowns are
   * determined matters, not their values).
   */
  static List<String> recoverableBySolvingEverySum(Fixture fixture, Map<String, Row> out) {
    final long p = 2_147_483_647L;
    List<List<Term>> sums = new ArrayList<>();
    for (List<Cell> group : fixture.groups) {
      List<Term> terms = new ArrayList<>();
      for (int i = 0; i < group.size(); i++) {
        terms.add(new Term(group.get(i), i == 0 ? 1 : -1));
      }
      sums.add(terms);
    }
    for (Cell[] pair : fixture.ofThose) {
      sums.add(List.of(new Term(pair[0], 1), new Term(pair[1], -1), new Term(new Complement(pair[0], pair[1]), -1)));
    }
    Map<String, Map<Object, Integer>> unknowns = new TreeMap<>();
    Map<String, List<Map<Integer, Long>>> equations = new HashMap<>();
    Map<Object, Boolean> sensitive = new HashMap<>();
    for (List<Term> terms : sums) {
      Cell first = terms.get(0).unknown() instanceof Cell cell ? cell : ((Complement) terms.get(0).unknown()).whole();
      String authority = first.row().substring(0, first.row().indexOf('|'));
      Map<Integer, Long> equation = new HashMap<>();
      for (Term term : terms) {
        boolean unknown;
        if (term.unknown() instanceof Cell cell) {
          unknown = suppressed(out, cell);
          sensitive.put(cell, unknown);
        } else {
          Complement complement = (Complement) term.unknown();
          long value = (Long) fixture.rows.get(complement.whole().row()).get(complement.whole().column())
              - (Long) fixture.rows.get(complement.part().row()).get(complement.part().column());
          unknown = true;
          sensitive.put(complement, value >= 1 && value <= 5);
        }
        if (unknown) {
          Map<Object, Integer> index = unknowns.computeIfAbsent(authority, k -> new HashMap<>());
          int column = index.computeIfAbsent(term.unknown(), k -> index.size());
          equation.merge(column, Math.floorMod(term.sign(), p), (x, y) -> (x + y) % p);
        }
      }
      equations.computeIfAbsent(authority, k -> new ArrayList<>()).add(equation);
    }
    List<String> recoverable = new ArrayList<>();
    for (Map.Entry<String, Map<Object, Integer>> entry : unknowns.entrySet()) {
      int n = entry.getValue().size();
      List<long[]> matrix = new ArrayList<>();
      for (Map<Integer, Long> equation : equations.get(entry.getKey())) {
        long[] row = new long[n];
        equation.forEach((k, v) -> row[k] = v);
        matrix.add(row);
      }
      int[] pivotRowOf = new int[n];
      java.util.Arrays.fill(pivotRowOf, -1);
      int r = 0;
      for (int c = 0; c < n && r < matrix.size(); c++) {
        int pivot = -1;
        for (int i = r; i < matrix.size() && pivot < 0; i++) {
          pivot = matrix.get(i)[c] != 0 ? i : -1;
        }
        if (pivot < 0) {
          continue;
        }
        java.util.Collections.swap(matrix, r, pivot);
        long[] top = matrix.get(r);
        long inverse = java.math.BigInteger.valueOf(top[c]).modInverse(java.math.BigInteger.valueOf(p)).longValue();
        for (int j = 0; j < n; j++) {
          top[j] = top[j] * inverse % p;
        }
        for (int i = 0; i < matrix.size(); i++) {
          long[] other = matrix.get(i);
          if (i != r && other[c] != 0) {
            long factor = other[c];
            for (int j = 0; j < n; j++) {
              other[j] = Math.floorMod(other[j] - factor * top[j] % p, p);
            }
          }
        }
        pivotRowOf[c] = r++;
      }
      Map<Integer, Object> byColumn = new HashMap<>();
      entry.getValue().forEach((unknown, column) -> byColumn.put(column, unknown));
      for (int c = 0; c < n; c++) {
        if (pivotRowOf[c] < 0 || !sensitive.get(byColumn.get(c))) {
          continue;
        }
        long[] row = matrix.get(pivotRowOf[c]);
        boolean alone = true;
        for (int j = 0; j < n && alone; j++) {
          alone = j == c || row[j] == 0;
        }
        if (alone) {
          recoverable.add(String.valueOf(byColumn.get(c)));
        }
      }
    }
    return recoverable;
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
