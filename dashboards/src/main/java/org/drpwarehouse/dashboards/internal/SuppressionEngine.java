package org.drpwarehouse.dashboards.internal;

import static org.drpwarehouse.schemas.warehouse.MartTables.*;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The suppression algorithm for one family of mart rows (one authority, every mart given), in
 * memory: the rows of a family are aggregates, a few thousand at most.
 *
 * <p>Cells are the counts of the rows; each {@link TableRules#ofThose} pair adds a hidden cell, its
 * complement ({@code disputes - child_informed}), which is never published but can be worked out
 * by subtraction. Equations are sets of cells whose values are tied by one published sum: the
 * columns of a row ({@link TableRules#sums}), a count and its complement, the breakdown rows and
 * their {@code ALL} row, months and quarters and their financial year, a previous-period column
 * and the earlier row it repeats, and the sums that hold between marts (see {@link
 * #crossTable}). A row a mart does not hold counts as zero, and so does a mart not given: its
 * cells are taken as published, so one mart suppressed on its own is protected against the others
 * as if they were published in full.
 *
 * <ol>
 *   <li>Primary: every count from 1 to {@value #LARGEST_SMALL} is suppressed.
 *   <li>Secondary: a cell is sensitive when it is suppressed, or hidden with a value from 1 to
 *       {@value #LARGEST_SMALL}. An equation whose only unknown cell (suppressed or hidden) is
 *       sensitive would give that cell away, so the smallest published non-zero cell of the
 *       equation is suppressed as well (a zero only when nothing else is left), sparing the
 *       counts pages lead with ({@link TableRules#lastToGo}) while another cell would do; ties go
 *       to the earlier cell: tables in the order given, rows by key, columns in contract order.
 *   <li>Equations are rechecked, lowest first, whenever one of their cells becomes suppressed,
 *       until none changes: the fixed point.
 *   <li>Exact check: one equation at a time is not enough (two sums subtracted can leave a single
 *       unknown), so every connected set of unknown cells is solved against all its equations
 *       together (Gauss-Jordan elimination modulo a prime). For each sensitive cell that comes out
 *       exactly, the best published cell sharing an equation with it is suppressed (chosen as in
 *       step 2); then steps 3 and 4 repeat until nothing is pinned down. Sets of more than {@value
 *       #AUDIT_LIMIT} unknowns are left to step 2 alone, with a warning in the log.
 *   <li>A median is suppressed with its count.
 * </ol>
 *
 * <p>The result depends only on the rows, never on their order.</p>
 */
public final class SuppressionEngine implements Serializable {
  /** The largest count suppressed on its own: 1 to 5 are never shown. */
  public static final long LARGEST_SMALL = 5;

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SuppressionEngine.class);
  private static final char SEP = '\u001f';
  /** The largest set of linked unknown cells the exact check solves. */
  static final int AUDIT_LIMIT = 1500;
  private static final int AUDIT_ROUNDS = 200;
  private static final long PRIME = 2_147_483_647L;

  private final List<TableRules> tables;
  private final Map<String, Integer> tableOrder = new HashMap<>();

  /** An engine for these tables; their order breaks ties between equal cells. */
  public SuppressionEngine(List<TableRules> tables) {
    this.tables = List.copyOf(tables);
    for (int i = 0; i < this.tables.size(); i++) {
      tableOrder.put(this.tables.get(i).table(), i);
    }
  }

  /** What to withhold in one row: the names of its suppressed columns, in contract order. */
  public record Decision(String table, String key, List<String> suppressed) implements Serializable {
    public Decision {
      suppressed = List.copyOf(suppressed);
    }
  }

  /** Suppresses one family's rows: one decision per row, in table then key order. */
  public List<Decision> run(List<FamilyRow> family) {
    return new Run(family).solve();
  }

  private static boolean small(long value) {
    return value >= 1 && value <= LARGEST_SMALL;
  }

  /** One run over one family. */
  private final class Run {
    private final List<FamilyRow> rows;
    private final List<TableRules> rowRules = new ArrayList<>();
    private final int[][] cellOf;
    private long[] value = new long[256];
    private boolean[] known = new boolean[256];
    private boolean[] real = new boolean[256];
    private boolean[] lastToGo = new boolean[256];
    private int cells;
    private final List<int[]> equations = new ArrayList<>();
    /** Per equation, the sign of each member: +1 on the total's side, -1 on the parts' side. */
    private final List<int[]> signs = new ArrayList<>();
    /** Unknown cells of components too large for the exact check, at the last check. */
    private int unaudited;

    Run(List<FamilyRow> family) {
      for (FamilyRow row : family) {
        if (!tableOrder.containsKey(row.table())) {
          throw new IllegalArgumentException("No suppression rules for table " + row.table());
        }
      }
      List<FamilyRow> sorted = new ArrayList<>(family);
      sorted.sort(Comparator.<FamilyRow>comparingInt(r -> tableOrder.get(r.table())).thenComparing(FamilyRow::key));
      for (int i = 1; i < sorted.size(); i++) {
        FamilyRow a = sorted.get(i - 1);
        FamilyRow b = sorted.get(i);
        if (a.table().equals(b.table()) && a.key().equals(b.key())) {
          throw new IllegalStateException("Cannot suppress " + a.table() + ": two rows have the key "
              + a.key().replace(SEP, '|') + "; a mart holds one row per key, so rebuild it");
        }
      }
      this.rows = sorted;
      this.cellOf = new int[sorted.size()][];
      for (int i = 0; i < sorted.size(); i++) {
        TableRules rules = tables.get(tableOrder.get(sorted.get(i).table()));
        rowRules.add(rules);
        cellOf[i] = new int[rules.counts().size()];
        for (int j = 0; j < rules.counts().size(); j++) {
          Long v = sorted.get(i).counts().get(rules.counts().get(j));
          cellOf[i][j] = addCell(true, v);
          lastToGo[cellOf[i][j]] = rules.lastToGo().contains(rules.counts().get(j));
        }
      }
    }

    private int addCell(boolean isReal, Long v) {
      if (cells == value.length) {
        value = Arrays.copyOf(value, cells * 2);
        known = Arrays.copyOf(known, cells * 2);
        real = Arrays.copyOf(real, cells * 2);
        lastToGo = Arrays.copyOf(lastToGo, cells * 2);
      }
      real[cells] = isReal;
      known[cells] = v != null;
      value[cells] = v == null ? 0 : v;
      return cells++;
    }

    /** The cell of a row's count column, or -1 when the row's table has no such count. */
    private int cell(int row, String column) {
      int j = rowRules.get(row).counts().indexOf(column);
      return j < 0 ? -1 : cellOf[row][j];
    }

    /** An equation: the first member is the total, the others add up to it. */
    private void equation(List<Integer> members) {
      List<Integer> sides = new ArrayList<>();
      for (int i = 0; i < members.size(); i++) {
        sides.add(i == 0 ? 1 : -1);
      }
      signedEquation(members, sides);
    }

    /** An equation: the members with sign +1 add up to the members with sign -1. Missing cells (-1) are zero. */
    private void signedEquation(List<Integer> members, List<Integer> sides) {
      List<Integer> kept = new ArrayList<>();
      List<Integer> keptSigns = new ArrayList<>();
      for (int i = 0; i < members.size(); i++) {
        if (members.get(i) >= 0 && !kept.contains(members.get(i))) {
          kept.add(members.get(i));
          keptSigns.add(sides.get(i));
        }
      }
      if (kept.size() >= 2) {
        equations.add(kept.stream().mapToInt(Integer::intValue).toArray());
        signs.add(keptSigns.stream().mapToInt(Integer::intValue).toArray());
      }
    }

    private List<Decision> solve() {
      buildEquations();
      boolean[] suppressed = new boolean[cells];
      for (int c = 0; c < cells; c++) {
        suppressed[c] = real[c] && known[c] && small(value[c]);
      }
      int[][] equationsOf = equationsOfCells();
      BitSet pending = new BitSet(equations.size());
      pending.set(0, equations.size());
      for (int round = 0; round < AUDIT_ROUNDS; round++) {
        for (int e = pending.nextSetBit(0); e >= 0; e = pending.nextSetBit(0)) {
          pending.clear(e);
          int protector = protector(equations.get(e), suppressed);
          if (protector >= 0) {
            suppress(protector, suppressed, equationsOf, pending);
          }
        }
        List<Integer> exposed = exposed(suppressed, equationsOf);
        if (exposed.isEmpty()) {
          break;
        }
        for (int cell : exposed) {
          int protector = neighbour(cell, suppressed, equationsOf);
          if (protector >= 0 && !suppressed[protector]) {
            suppress(protector, suppressed, equationsOf, pending);
          }
        }
        if (pending.isEmpty()) {
          break;
        }
      }
      if (unaudited > 0) {
        LOG.warn("{} withheld cells of {} lie in linked sets too large for the exact check; they are protected"
            + " equation by equation only", unaudited, rows.isEmpty() ? "" : rows.get(0).dim(AUTHORITY));
      }
      List<Decision> decisions = new ArrayList<>(rows.size());
      for (int i = 0; i < rows.size(); i++) {
        TableRules rules = rowRules.get(i);
        List<String> names = new ArrayList<>();
        for (String column : rules.columns()) {
          int j = rules.counts().indexOf(column);
          String count = rules.medians().get(column);
          if (j >= 0 && suppressed[cellOf[i][j]] || count != null && suppressed[cellOf[i][rules.counts().indexOf(count)]]) {
            names.add(column);
          }
        }
        decisions.add(new Decision(rows.get(i).table(), rows.get(i).key(), names));
      }
      return decisions;
    }

    private void suppress(int cell, boolean[] suppressed, int[][] equationsOf, BitSet pending) {
      suppressed[cell] = true;
      for (int other : equationsOf[cell]) {
        pending.set(other);
      }
    }

    private boolean unknown(int c, boolean[] suppressed) {
      return !real[c] || !known[c] || suppressed[c];
    }

    private boolean sensitive(int c, boolean[] suppressed) {
      return real[c] ? suppressed[c] : known[c] && small(value[c]);
    }

    /** The best published cell sharing an equation with an exposed cell, or -1. */
    private int neighbour(int cell, boolean[] suppressed, int[][] equationsOf) {
      int best = -1;
      for (int e : equationsOf[cell]) {
        for (int c : equations.get(e)) {
          if (!unknown(c, suppressed) && (best < 0 || before(c, best))) {
            best = c;
          }
        }
      }
      return best;
    }

    /**
     * The exact check: the sensitive unknown cells that all equations together pin down (each
     * one alone may leave two unknowns, yet two equations subtracted can leave one). Solved by
     * Gauss-Jordan elimination modulo the prime 2^31 - 1, one connected set of unknown cells at a
     * time; sets of more than {@value #AUDIT_LIMIT} unknowns (or with more than 4000 equations per
     * 1500 unknowns) are left to the equation-by-equation rule (counted in {@link #unaudited}).
     */
    private List<Integer> exposed(boolean[] suppressed, int[][] equationsOf) {
      int[] parent = new int[cells];
      for (int c = 0; c < cells; c++) {
        parent[c] = c;
      }
      for (int[] e : equations) {
        int first = -1;
        for (int c : e) {
          if (unknown(c, suppressed)) {
            if (first < 0) {
              first = c;
            } else {
              parent[root(parent, c)] = root(parent, first);
            }
          }
        }
      }
      Map<Integer, List<Integer>> components = new TreeMap<>();
      for (int c = 0; c < cells; c++) {
        if (unknown(c, suppressed)) {
          components.computeIfAbsent(root(parent, c), k -> new ArrayList<>()).add(c);
        }
      }
      Map<Integer, List<Integer>> equationsByComponent = new HashMap<>();
      for (int i = 0; i < equations.size(); i++) {
        for (int c : equations.get(i)) {
          if (unknown(c, suppressed)) {
            equationsByComponent.computeIfAbsent(root(parent, c), k -> new ArrayList<>()).add(i);
            break;
          }
        }
      }
      unaudited = 0;
      List<Integer> exposed = new ArrayList<>();
      for (Map.Entry<Integer, List<Integer>> component : components.entrySet()) {
        List<Integer> unknowns = component.getValue();
        List<Integer> linked = equationsByComponent.getOrDefault(component.getKey(), List.of());
        if (unknowns.size() > AUDIT_LIMIT || (long) unknowns.size() * linked.size() > AUDIT_LIMIT * 4000L) {
          unaudited += unknowns.size();
          continue;
        }
        if (unknowns.stream().noneMatch(c -> sensitive(c, suppressed))) {
          continue;
        }
        exposed.addAll(determined(unknowns, linked, suppressed));
      }
      return exposed;
    }

    private int root(int[] parent, int c) {
      while (parent[c] != c) {
        parent[c] = parent[parent[c]];
        c = parent[c];
      }
      return c;
    }

    /** The sensitive unknowns of one component that its equations determine exactly. */
    private List<Integer> determined(List<Integer> unknowns, List<Integer> componentEquations, boolean[] suppressed) {
      int n = unknowns.size();
      Map<Integer, Integer> column = new HashMap<>();
      for (int j = 0; j < n; j++) {
        column.put(unknowns.get(j), j);
      }
      List<long[]> matrix = new ArrayList<>();
      for (int e : componentEquations) {
        long[] row = new long[n];
        int[] members = equations.get(e);
        int[] sides = signs.get(e);
        for (int k = 0; k < members.length; k++) {
          Integer j = column.get(members[k]);
          if (j != null && unknown(members[k], suppressed)) {
            row[j] = Math.floorMod(row[j] + sides[k], PRIME);
          }
        }
        matrix.add(row);
      }
      int[] pivotRow = new int[n];
      Arrays.fill(pivotRow, -1);
      int rank = 0;
      int[] nonZero = new int[n];
      for (int col = 0; col < n && rank < matrix.size(); col++) {
        int pivot = -1;
        for (int i = rank; i < matrix.size(); i++) {
          if (matrix.get(i)[col] != 0) {
            pivot = i;
            break;
          }
        }
        if (pivot < 0) {
          continue;
        }
        long[] top = matrix.get(pivot);
        matrix.set(pivot, matrix.get(rank));
        matrix.set(rank, top);
        long inverse = inverse(top[col]);
        int nz = 0;
        for (int j = 0; j < n; j++) {
          if (top[j] != 0) {
            top[j] = top[j] * inverse % PRIME;
            nonZero[nz++] = j;
          }
        }
        for (int i = 0; i < matrix.size(); i++) {
          long[] other = matrix.get(i);
          if (i != rank && other[col] != 0) {
            long factor = other[col];
            for (int k = 0; k < nz; k++) {
              int j = nonZero[k];
              other[j] = Math.floorMod(other[j] - factor * top[j] % PRIME, PRIME);
            }
          }
        }
        pivotRow[col] = rank;
        rank++;
      }
      List<Integer> found = new ArrayList<>();
      for (int col = 0; col < n; col++) {
        if (pivotRow[col] < 0 || !sensitive(unknowns.get(col), suppressed)) {
          continue;
        }
        long[] row = matrix.get(pivotRow[col]);
        boolean alone = true;
        for (int j = 0; j < n && alone; j++) {
          alone = j == col || row[j] == 0;
        }
        if (alone) {
          found.add(unknowns.get(col));
        }
      }
      return found;
    }

    /**
     * The cell to suppress so that equation {@code e} gives nothing away, or -1: when exactly one
     * of its cells is unknown and that cell is sensitive, the smallest published non-zero cell.
     */
    private int protector(int[] e, boolean[] suppressed) {
      int unknown = -1;
      int unknowns = 0;
      for (int c : e) {
        if (!real[c] || !known[c] || suppressed[c]) {
          unknowns++;
          unknown = c;
        }
      }
      if (unknowns != 1) {
        return -1;
      }
      boolean sensitive = real[unknown] ? suppressed[unknown] : known[unknown] && small(value[unknown]);
      if (!sensitive) {
        return -1;
      }
      int best = -1;
      for (int c : e) {
        if (real[c] && known[c] && !suppressed[c] && (best < 0 || before(c, best))) {
          best = c;
        }
      }
      return best;
    }

    private static long inverse(long a) {
      return java.math.BigInteger.valueOf(a).modInverse(java.math.BigInteger.valueOf(PRIME)).longValue();
    }

    /** Non-zero before zero, then a cell pages need less, then the smaller value, then the earlier cell. */
    private boolean before(int a, int b) {
      boolean aZero = value[a] == 0;
      boolean bZero = value[b] == 0;
      if (aZero != bZero) {
        return bZero;
      }
      if (lastToGo[a] != lastToGo[b]) {
        return lastToGo[b];
      }
      if (value[a] != value[b]) {
        return value[a] < value[b];
      }
      return a < b;
    }

    private int[][] equationsOfCells() {
      int[] sizes = new int[cells];
      for (int[] e : equations) {
        for (int c : e) {
          sizes[c]++;
        }
      }
      int[][] of = new int[cells][];
      for (int c = 0; c < cells; c++) {
        of[c] = new int[sizes[c]];
      }
      int[] filled = new int[cells];
      for (int i = 0; i < equations.size(); i++) {
        for (int c : equations.get(i)) {
          of[c][filled[c]++] = i;
        }
      }
      return of;
    }

    // ---- equations ----------------------------------------------------------------------

    private void buildEquations() {
      for (int i = 0; i < rows.size(); i++) {
        TableRules rules = rowRules.get(i);
        for (List<String> sum : rules.sums()) {
          List<Integer> members = new ArrayList<>();
          for (String column : sum) {
            members.add(cell(i, column));
          }
          equation(members);
        }
        for (List<String> pair : rules.ofThose()) {
          int whole = cell(i, pair.get(0));
          int part = cell(i, pair.get(1));
          boolean both = known[whole] && known[part];
          int complement = addCell(false, both ? value[whole] - value[part] : null);
          equation(List.of(whole, part, complement));
        }
      }
      for (TableRules rules : tables) {
        List<Integer> tableRows = rowsOf(rules.table());
        if (rules.breakdowns()) {
          breakdownEquations(rules, tableRows);
        }
        if (rules.periods()) {
          periodEquations(rules, tableRows);
        }
        if (rules.previousPeriods()) {
          previousPeriodEquations(rules, tableRows);
        }
      }
      crossTable();
    }

    private List<Integer> rowsOf(String table) {
      List<Integer> found = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        if (rows.get(i).table().equals(table)) {
          found.add(i);
        }
      }
      return found;
    }

    /** The row's key columns except some, joined: rows with the same context differ only there. */
    private String context(int row, TableRules rules, List<String> except) {
      StringBuilder text = new StringBuilder();
      for (String column : rules.key()) {
        if (!except.contains(column)) {
          text.append(rows.get(row).dim(column)).append(SEP);
        }
      }
      return text.toString();
    }

    private Map<String, List<Integer>> byContext(List<Integer> tableRows, Function<Integer, String> context) {
      Map<String, List<Integer>> groups = new TreeMap<>();
      for (int row : tableRows) {
        groups.computeIfAbsent(context.apply(row), k -> new ArrayList<>()).add(row);
      }
      return groups;
    }

    /** The values of each breakdown (TEAM, IRO, THEME) add up to the ALL row. */
    private void breakdownEquations(TableRules rules, List<Integer> tableRows) {
      List<String> except = List.of(BREAKDOWN, BREAKDOWN_VALUE);
      for (List<Integer> group : byContext(tableRows, r -> context(r, rules, except)).values()) {
        Integer all = null;
        Map<String, List<Integer>> parts = new TreeMap<>();
        for (int row : group) {
          String breakdown = rows.get(row).dim(BREAKDOWN);
          if (Breakdown.ALL.equals(breakdown)) {
            all = row;
          } else {
            parts.computeIfAbsent(Objects.toString(breakdown), k -> new ArrayList<>()).add(row);
          }
        }
        if (all == null) {
          continue;
        }
        for (List<Integer> breakdownRows : parts.values()) {
          sumOf(rules.acrossRows(), all, breakdownRows);
        }
      }
    }

    /** Months add up to their quarter and their financial year, quarters to their financial year. */
    private void periodEquations(TableRules rules, List<Integer> tableRows) {
      List<String> except = List.of(PERIOD_TYPE, PERIOD);
      for (List<Integer> group : byContext(tableRows, r -> context(r, rules, except)).values()) {
        Map<String, List<Integer>> months = new TreeMap<>();
        Map<String, List<Integer>> monthsOfYear = new TreeMap<>();
        Map<String, List<Integer>> quartersOfYear = new TreeMap<>();
        Map<String, Integer> quarters = new TreeMap<>();
        Map<String, Integer> years = new TreeMap<>();
        for (int row : group) {
          LocalDate start = start(row);
          if (start == null) {
            continue;
          }
          String type = rows.get(row).dim(PERIOD_TYPE);
          if (PeriodType.MONTH.equals(type)) {
            months.computeIfAbsent(financialQuarter(start), k -> new ArrayList<>()).add(row);
            monthsOfYear.computeIfAbsent(financialYear(start), k -> new ArrayList<>()).add(row);
          } else if (PeriodType.QUARTER.equals(type)) {
            quarters.put(financialQuarter(start), row);
            quartersOfYear.computeIfAbsent(financialYear(start), k -> new ArrayList<>()).add(row);
          } else if (PeriodType.FINANCIAL_YEAR.equals(type)) {
            years.put(financialYear(start), row);
          }
        }
        quarters.forEach((quarter, row) -> sumOf(rules.acrossRows(), row, months.getOrDefault(quarter, List.of())));
        years.forEach((year, row) -> {
          sumOf(rules.acrossRows(), row, quartersOfYear.getOrDefault(year, List.of()));
          sumOf(rules.acrossRows(), row, monthsOfYear.getOrDefault(year, List.of()));
        });
      }
    }

    private LocalDate start(int row) {
      String text = rows.get(row).dim(PERIOD_START);
      return text == null ? null : LocalDate.parse(text);
    }

    /** For each column: the total row's cell equals the sum of the parts' cells. */
    private void sumOf(List<String> columns, int total, List<Integer> parts) {
      if (parts.isEmpty()) {
        return;
      }
      for (String column : columns) {
        List<Integer> members = new ArrayList<>();
        members.add(cell(total, column));
        for (int part : parts) {
          members.add(cell(part, column));
        }
        equation(members);
      }
    }

    /** {@code previous_period_disputes} and {@code previous_year_disputes} repeat an earlier row. */
    private void previousPeriodEquations(TableRules rules, List<Integer> tableRows) {
      List<String> except = List.of(PERIOD);
      for (List<Integer> group : byContext(tableRows, r -> context(r, rules, except)).values()) {
        Map<LocalDate, Integer> byStart = new HashMap<>();
        for (int row : group) {
          if (start(row) != null) {
            byStart.put(start(row), row);
          }
        }
        for (int row : group) {
          LocalDate start = start(row);
          if (start == null) {
            continue;
          }
          String type = rows.get(row).dim(PERIOD_TYPE);
          LocalDate previous = PeriodType.MONTH.equals(type) ? start.minusMonths(1)
              : PeriodType.QUARTER.equals(type) ? start.minusMonths(3) : start.minusYears(1);
          Integer before = byStart.get(previous);
          if (before != null) {
            equation(List.of(cell(row, PREVIOUS_PERIOD_DISPUTES), cell(before, DISPUTES)));
          }
          Integer yearBefore = byStart.get(start.minusYears(1));
          if (yearBefore != null) {
            equation(List.of(cell(row, PREVIOUS_YEAR_DISPUTES), cell(yearBefore, DISPUTES)));
          }
        }
      }
    }

    /**
     * Sums that hold between marts, for an authority:
     *
     * <ul>
     *   <li>a theme's disputes in {@code mart_themes} are the disputes of its THEME rows in {@code
     *       mart_disputes}, over every process (and so for repeats);
     *   <li>all themes of a period add up to the ALL rows of {@code mart_disputes} over every process;
     *   <li>a dispute's first visit is a transition from {@code (start)}: those transitions add up
     *       to {@code disputes}, those into an informal stage (rank 0) to {@code informal_entry} and
     *       those into a formal stage to {@code formal_entry}, per breakdown, period and process.
     * </ul>
     */
    private void crossTable() {
      List<Integer> disputes = rowsOf(DISPUTES_STARTED.name());
      List<Integer> themes = rowsOf(THEMES.name());
      List<Integer> bypass = rowsOf(BYPASS_TRANSITIONS.name());
      if (!themes.isEmpty() || !disputes.isEmpty()) {
        Map<String, List<Integer>> perTheme = new TreeMap<>();
        Map<String, List<Integer>> perPeriod = new TreeMap<>();
        for (int row : themes) {
          String period = periodOf(row);
          perTheme.computeIfAbsent(period + theme(rows.get(row).dim(THEME)), k -> new ArrayList<>()).add(row);
          perPeriod.computeIfAbsent(period, k -> new ArrayList<>()).add(row);
        }
        for (int row : disputes) {
          String breakdown = rows.get(row).dim(BREAKDOWN);
          String period = periodOf(row);
          if (Breakdown.THEME.equals(breakdown)) {
            perTheme.computeIfAbsent(period + theme(rows.get(row).dim(BREAKDOWN_VALUE)), k -> new ArrayList<>()).add(row);
          } else if (Breakdown.ALL.equals(breakdown)) {
            perPeriod.computeIfAbsent(period, k -> new ArrayList<>()).add(row);
          }
        }
        for (Map<String, List<Integer>> groups : List.of(perTheme, perPeriod)) {
          for (List<Integer> group : groups.values()) {
            for (String column : List.of(DISPUTES, REPEAT_DISPUTES)) {
              signedEquation(group.stream().map(r -> cell(r, column)).toList(),
                  group.stream().map(r -> rows.get(r).table().equals(THEMES.name()) ? 1 : -1).toList());
            }
          }
        }
      }
      if (!bypass.isEmpty() || !disputes.isEmpty()) {
        Map<String, Integer> started = new TreeMap<>();
        Map<String, List<Integer>> firstVisits = new TreeMap<>();
        List<String> flowBreakdowns = List.of(Breakdown.ALL, Breakdown.IRO, Breakdown.THEME);
        for (int row : disputes) {
          if (flowBreakdowns.contains(rows.get(row).dim(BREAKDOWN))) {
            started.put(flowContext(row), row);
          }
        }
        for (int row : bypass) {
          if (START.equals(rows.get(row).dim(FROM_STAGE))) {
            firstVisits.computeIfAbsent(flowContext(row), k -> new ArrayList<>()).add(row);
          }
        }
        TreeSet<String> contexts = new TreeSet<>(started.keySet());
        contexts.addAll(firstVisits.keySet());
        for (String context : contexts) {
          Integer total = started.get(context);
          List<Integer> flows = firstVisits.getOrDefault(context, List.of());
          flowEquation(total, DISPUTES, flows, rank -> true);
          flowEquation(total, INFORMAL_ENTRY, flows, rank -> rank == 0);
          flowEquation(total, FORMAL_ENTRY, flows, rank -> rank >= 1);
        }
      }
    }

    private void flowEquation(Integer total, String column, List<Integer> flows, Predicate<Integer> rank) {
      List<Integer> members = new ArrayList<>();
      List<Integer> sides = new ArrayList<>();
      if (total != null) {
        members.add(cell(total, column));
        sides.add(1);
      }
      for (int flow : flows) {
        String toRank = rows.get(flow).dim(TO_RANK);
        if (toRank != null && rank.test(Integer.parseInt(toRank))) {
          members.add(cell(flow, TRANSITIONS));
          sides.add(-1);
        }
      }
      signedEquation(members, sides);
    }

    private String periodOf(int row) {
      return rows.get(row).dim(PERIOD_TYPE) + SEP + rows.get(row).dim(PERIOD) + SEP;
    }

    private String flowContext(int row) {
      FamilyRow r = rows.get(row);
      return String.join(String.valueOf(SEP), String.valueOf(r.dim(BREAKDOWN)), String.valueOf(r.dim(BREAKDOWN_VALUE)),
          String.valueOf(r.dim(PERIOD_TYPE)), String.valueOf(r.dim(PERIOD)), String.valueOf(r.dim(PROCESS)));
    }

    /** The theme of a themes row or of a THEME breakdown value: both spellings of "no theme" match. */
    private static String theme(String id) {
      return id == null || id.equals("(none)") || id.equals("(unmapped)") || id.equals("unmapped") ? "(unmapped)" : id;
    }
  }
}
