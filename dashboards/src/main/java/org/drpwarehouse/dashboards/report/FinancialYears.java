package org.drpwarehouse.dashboards.report;

import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lpad;
import static org.apache.spark.sql.functions.make_date;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.drpwarehouse.schemas.DrpUserException;
import org.drpwarehouse.schemas.warehouse.MartTables;

/**
 * Financial years (1 April to 31 March), written {@code 2024-25} as in {@link MartTables#financialYear}:
 * parsing the label a user types, the year before, its first and last day, and the same label as a
 * Spark column of a date.
 */
public record FinancialYears(int startYear) {
  /**
   * Parses {@code 2024-25}.
   *
   * @throws DrpUserException when the text is not a financial year label
   */
  public static FinancialYears parse(String label) {
    if (label == null || !label.matches("\\d{4}-\\d{2}")) {
      throw new DrpUserException("--year " + label, "is not a financial year",
          "write it as the years it spans, 1 April to 31 March: e.g. 2024-25");
    }
    int start = Integer.parseInt(label.substring(0, 4));
    if ((start + 1) % 100 != Integer.parseInt(label.substring(5))) {
      throw new DrpUserException("--year " + label, "does not span two consecutive years",
          "write " + start + "-" + String.format("%02d", (start + 1) % 100) + " for 1 April " + start + " to 31 March " + (start + 1));
    }
    return new FinancialYears(start);
  }

  public String label() {
    return MartTables.financialYear(first());
  }

  public FinancialYears previous() {
    return new FinancialYears(startYear - 1);
  }

  public LocalDate first() {
    return LocalDate.of(startYear, 4, 1);
  }

  public LocalDate last() {
    return LocalDate.of(startYear + 1, 3, 31);
  }

  /** {@code 2024-25 Q1} .. {@code Q4}. */
  public String quarter(int q) {
    return label() + " Q" + q;
  }

  /** The financial year label of a date column, e.g. {@code 2024-25}. */
  public static Column labelOf(Column date) {
    Column start = startYearOf(date);
    return concat(start.cast("string"), lit("-"), lpad(start.plus(1).mod(100).cast("string"), 2, "0"));
  }

  /** The first day (1 April) of the financial year of a date column. */
  public static Column startOf(Column date) {
    return make_date(startYearOf(date), lit(4), lit(1));
  }

  private static Column startYearOf(Column date) {
    return when(month(date).geq(4), year(date)).otherwise(year(date).minus(1));
  }
}
