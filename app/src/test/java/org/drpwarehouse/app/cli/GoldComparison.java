package org.drpwarehouse.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.drpwarehouse.schemas.warehouse.GoldTables;
import org.drpwarehouse.schemas.warehouse.MartTables;
import org.drpwarehouse.schemas.warehouse.TableContract;

/** Two warehouses built from the same extract in two ways, compared table by table: the same rows, as often each. */
final class GoldComparison {
  /** The gold tables a transform writes and every mart. */
  static final List<TableContract> COMPARED;

  static {
    List<TableContract> compared = new ArrayList<>(List.of(GoldTables.STAGE_VISITS, GoldTables.DISPUTE_SUMMARY,
        GoldTables.DISPUTE_FLAGS, GoldTables.REVIEW_TIMELINESS));
    compared.addAll(MartTables.ALL);
    COMPARED = List.copyOf(compared);
  }

  private GoldComparison() {}

  /** Every table of {@link #COMPARED} holds the same rows in both, and the sample gave disputes at all. */
  static void assertSameTables(Path actual, String actualBuild, Path expected, String expectedBuild) {
    for (TableContract contract : COMPARED) {
      Dataset<Row> a = table(actual, contract);
      Dataset<Row> b = table(expected, contract);
      assertThat(a.count()).as(contract.name() + " rows").isEqualTo(b.count());
      assertThat(a.exceptAll(b).count()).as(contract.name() + ": rows only in " + actualBuild).isZero();
      assertThat(b.exceptAll(a).count()).as(contract.name() + ": rows only in " + expectedBuild).isZero();
    }
    assertThat(table(actual, GoldTables.DISPUTE_SUMMARY).count()).as("the sample has disputes").isPositive();
  }

  /** A settings file for a warehouse and key, with any further {@code key=value} lines. */
  static Path settings(Path file, Path warehouse, Path key, String... lines) throws IOException {
    StringBuilder text = new StringBuilder("warehouse=" + warehouse.toUri() + "\npseudonymisation.key-file=" + key + "\n");
    for (String line : lines) {
      text.append(line).append('\n');
    }
    return Files.writeString(file, text);
  }

  private static Dataset<Row> table(Path warehouse, TableContract contract) {
    return SparkSession.active().read().format("delta").load(contract.location(warehouse.toUri()).toString());
  }
}
