package org.drpwarehouse.quality.internal;

import static org.apache.spark.sql.functions.lit;

import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A gold table ready for the suites: its key count, the as-of date the gate checks ({@link
 * Helpers#GATE_AS_OF}), and the clause of each recording rule its policy cites ({@link
 * PolicyClauses}).
 */
public final class GoldPreparation {
  private final Frame frame;
  private final PolicyClauses clauses;
  private final LocalDate asOf;

  public GoldPreparation(Frame frame, PolicyClauses clauses, LocalDate asOf) {
    if (!frame.isGold()) {
      throw new IllegalArgumentException(frame + " is not a gold table");
    }
    this.frame = frame;
    this.clauses = clauses;
    this.asOf = asOf;
  }

  public Dataset<Row> apply(Dataset<Row> gold) {
    Dataset<Row> keyed = new KeyCounts(frame.key()).apply(gold).withColumn(Helpers.GATE_AS_OF, lit(asOf));
    return clauses.apply(keyed);
  }
}
