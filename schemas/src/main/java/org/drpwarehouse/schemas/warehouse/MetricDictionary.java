package org.drpwarehouse.schemas.warehouse;

import java.time.LocalDate;
import java.util.List;

/**
 * Writes {@code docs/metric-dictionary.md} from the table contracts themselves ({@link
 * GoldTables#DERIVED}, {@link SilverTables#DERIVED}, {@link MartTables#ALL}): for every table its
 * grain, the date a record counts in, its key, and every column with its type and meaning, after a
 * short introduction on how to read the figures. A test fails when the published file drifts from
 * the contracts.
 */
public final class MetricDictionary {
  private MetricDictionary() {}

  /** The date the period example is worked on. */
  private static final LocalDate EXAMPLE = LocalDate.of(2024, 6, 28);

  public static String markdown() {
    StringBuilder out = new StringBuilder();
    out.append("# Metric dictionary\n\n");
    out.append("<!-- Generated from the table contracts in the schemas module (MetricDictionary). Do not edit by hand:\n");
    out.append("     run ./mvnw -B -pl schemas test -Dtest=MetricDictionaryTest -Ddrp.docs.write=true to regenerate. -->\n\n");
    intro(out);
    out.append("## Contents\n\n");
    contents(out, "Gold tables", GoldTables.DERIVED);
    contents(out, "Silver tables for analysis", SilverTables.DERIVED);
    contents(out, "Marts", MartTables.ALL);
    out.append('\n');
    section(out, "Gold tables",
        "Every dispute's timeline rebuilt against the policy of its authority, and every review checked against its"
            + " statutory interval. One build computes them all as of one date.",
        GoldTables.DERIVED);
    section(out, "Silver tables for analysis",
        "Derived from other silver tables, to link disputes and reviews to the child and for equality analysis.",
        SilverTables.DERIVED);
    section(out, "Marts",
        "The aggregates people read, by authority, breakdown and period, each record counted in the period its"
            + " measure names.",
        MartTables.ALL);
    return out.toString();
  }

  private static void intro(StringBuilder out) {
    out.append("Every table the warehouse derives, column by column, with what each figure means. The meanings are the ");
    out.append("project's shared metric definitions (how a dispute's timeline is rebuilt and measured, and which ");
    out.append("aggregates users read), applied to each authority's own policy; where this dictionary and the shared ");
    out.append("metric definitions disagree, the definitions are right and the contract has a bug.\n\n");
    out.append("## Reading the figures\n\n");
    out.append("- **As of a date.** Every gold table and mart is computed as of one date, its `")
        .append(GoldTables.AS_OF_DATE).append("`: events after it do not exist yet.\n");
    out.append("- **Working days (WD).** Monday to Friday, except England and Wales bank holidays. `due(D, n)` is the ");
    out.append("n-th working day after D (D itself never counts); `wd(D, E)` counts the working days d with D < d ≤ E. ");
    out.append("See [working-days.md](working-days.md).\n");
    out.append("- **Which period a record counts in.** A stage visit by its due date (\"of the responses due this quarter, ");
    out.append("how many came on time\"); a dispute, its theme and its entry stage by its start; the 20 WD share and the ");
    out.append("resolution stage by its end; a Cafcass referral by its referral date; a review by its date. Open disputes ");
    out.append("are a snapshot at the as-of date. Each mart below names its rule.\n");
    out.append("- **Periods.** `").append(MartTables.PeriodType.MONTH).append("` is a calendar month, `")
        .append(MartTables.PeriodType.QUARTER).append("` a financial quarter (Q1 is April to June), `")
        .append(MartTables.PeriodType.FINANCIAL_YEAR).append("` 1 April to 31 March; `")
        .append(MartTables.PERIOD_START).append("` is the period's first day. A record dated ").append(EXAMPLE)
        .append(" counts in `").append(MartTables.month(EXAMPLE)).append("`, `")
        .append(MartTables.financialQuarter(EXAMPLE)).append("` and `").append(MartTables.financialYear(EXAMPLE))
        .append("`.\n");
    out.append("- **Breakdowns.** `").append(MartTables.Breakdown.ALL).append("` (member `").append(MartTables.ALL_VALUE)
        .append("`: the whole authority), `").append(MartTables.Breakdown.TEAM).append("` (the dispute's team), `")
        .append(MartTables.Breakdown.IRO).append("` (the IRO who raised it, a pseudonym) and, for bypass patterns, `")
        .append(MartTables.Breakdown.THEME).append("`. A record without a team, IRO or theme counts under `(none)`, ");
    out.append("so the members of a breakdown add up to the authority.\n");
    out.append("- **Shares are never stored.** A mart keeps the numerator and the denominator of every share (for ");
    out.append("example `").append(MartTables.ON_TIME).append("` of `").append(MartTables.ASSESSED)
        .append("`), so that a share is shown only where both counts can be published and any roll-up stays exact. ");
    out.append("Counts here are unsuppressed: small numbers are suppressed before anything reaches a page.\n");
    out.append("- **Medians are exact**: the middle value, or the mean of the two middle values for an even count ");
    out.append("(2, 4, 9 and 11 WD give 6.5).\n");
    out.append("- **Personal data.** Child and worker ids are keyed pseudonyms and dates of birth are coarsened to the ");
    out.append("month: no raw id and no full date of birth reach these tables.\n");
    out.append("- **Types** are Spark SQL types; a required column is never null.\n\n");
  }

  private static void contents(StringBuilder out, String title, List<TableContract> tables) {
    out.append("- ").append(title).append(": ");
    out.append(String.join(", ", tables.stream()
        .map(t -> "[`" + t.qualifiedName() + "`](#" + anchor(t) + ")")
        .toList()));
    out.append('\n');
  }

  private static void section(StringBuilder out, String title, String text, List<TableContract> tables) {
    out.append("## ").append(title).append("\n\n").append(text).append("\n\n");
    for (TableContract table : tables) {
      table(out, table);
    }
  }

  private static void table(StringBuilder out, TableContract table) {
    out.append("### `").append(table.qualifiedName()).append("`\n\n");
    out.append("- **Grain**: ").append(escape(table.grain())).append('\n');
    if (!table.countsIn().isBlank()) {
      out.append("- **Counts in**: ").append(escape(table.countsIn())).append('\n');
    }
    out.append("- **Key**: ").append(String.join(", ", table.key().stream().map(k -> "`" + k + "`").toList())).append('\n');
    out.append("- **Location**: `WAREHOUSE/").append(table.layer()).append('/').append(table.name()).append("`\n\n");
    out.append("| column | type | required | meaning |\n");
    out.append("|---|---|---|---|\n");
    for (TableColumn column : table.columns()) {
      out.append("| `").append(column.name()).append("` | ").append(column.type().simpleString()).append(" | ")
          .append(column.nullable() ? "no" : "yes").append(" | ").append(escape(column.description())).append(" |\n");
    }
    out.append('\n');
  }

  /** The anchor GitHub-flavoured Markdown gives a heading {@code `layer.name`}. */
  private static String anchor(TableContract table) {
    return (table.layer() + table.name()).toLowerCase(java.util.Locale.ROOT);
  }

  private static String escape(String text) {
    return text.replace("|", "\\|");
  }
}
