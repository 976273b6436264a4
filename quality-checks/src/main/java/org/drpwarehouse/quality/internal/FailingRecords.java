package org.drpwarehouse.quality.internal;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.drpwarehouse.schemas.warehouse.GoldTables;
import org.drpwarehouse.schemas.warehouse.QualityTables;

/**
 * The records that fail, one row per record and rule, from Deequ's row-level results of one frame:
 * {@code authority, rule_id, record_id, dispute_id, visit_number, clause, detail}. Dispute, visit,
 * clause and detail are filled for recording rules (the compliance exceptions); other rules name the
 * record by {@link Frame#recordIdSql()} only.
 */
public final class FailingRecords {
  public static final String RECORD_ID = "record_id";

  private final Frame frame;
  private final List<Rule> rules;
  private final List<Integer> indexes;

  /**
   * @param rules the frame's rules, in the order of their row-level columns
   * @param indexes which of them to list (those with failures)
   */
  public FailingRecords(Frame frame, List<Rule> rules, List<Integer> indexes) {
    if (indexes.isEmpty()) {
      throw new IllegalArgumentException("No rule to list failing records for");
    }
    this.frame = frame;
    this.rules = List.copyOf(rules);
    this.indexes = List.copyOf(indexes);
  }

  public Dataset<Row> apply(Dataset<Row> rowLevel) {
    Dataset<Row> all = null;
    for (int index : indexes) {
      Rule rule = rules.get(index);
      boolean exception = rule.recording();
      Column dispute = exception ? col(GoldTables.DISPUTE_ID) : lit(null).cast(DataTypes.StringType);
      Column visit =
          exception && frame.hasVisits() ? col(GoldTables.Visit.VISIT_NUMBER) : lit(null).cast(DataTypes.IntegerType);
      Column clause = exception ? col(PolicyClauses.column(rule.id())) : lit(rule.clause());
      Column detail = exception ? expr(rule.detailSql()) : lit(null).cast(DataTypes.StringType);
      Dataset<Row> failing =
          rowLevel
              .where(col(AuthorityTally.resultColumn(index)).equalTo(false))
              .select(
                  col(GoldTables.AUTHORITY).as(QualityTables.AUTHORITY),
                  lit(rule.id()).as(QualityTables.RULE_ID),
                  expr(frame.recordIdSql()).as(RECORD_ID),
                  dispute.as(QualityTables.DISPUTE_ID),
                  visit.as(QualityTables.VISIT_NUMBER),
                  clause.as(QualityTables.CLAUSE),
                  detail.as(QualityTables.DETAIL));
      all = all == null ? failing : all.unionByName(failing);
    }
    return all;
  }
}
