package org.drpwarehouse.transforms;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.drpwarehouse.schemas.warehouse.TableColumn;
import org.drpwarehouse.schemas.warehouse.TableContract;
import org.junit.jupiter.api.Test;

class ContractProjectionTest {
  private static final TableContract TALLY =
      TableContract.builder("gold", "mart_tally")
          .grain("one row per authority")
          .key("authority")
          .required("authority", DataTypes.StringType, "the local authority code")
          .required("disputes", DataTypes.LongType, "disputes counted")
          .column("median_wd", DataTypes.DoubleType, "the median")
          .build();

  private static Dataset<Row> input(String authority) {
    return Frame.of(new StructType()
            .add("extra", DataTypes.StringType)
            .add("median_wd", DataTypes.DoubleType, false)
            .add("authority", DataTypes.StringType, true)
            .add("disputes", DataTypes.LongType, false))
        .row("extra", "x", "median_wd", 6.5, "authority", authority, "disputes", 3L)
        .dataset();
  }

  @Test
  void the_output_has_the_contracts_columns_order_nullability_and_comments() {
    Dataset<Row> projected = ContractProjection.apply(input("381"), TALLY);
    assertThat(projected.schema()).isEqualTo(TALLY.schema());
    assertThat(projected.schema().apply("disputes").metadata().getString(TableColumn.COMMENT)).isEqualTo("disputes counted");
    Row row = projected.first();
    assertThat(row.getString(0)).isEqualTo("381");
    assertThat(row.getLong(1)).isEqualTo(3L);
  }

  @Test
  void a_null_in_a_required_column_fails_the_job_naming_the_table_and_column() {
    Dataset<Row> projected = ContractProjection.apply(input(null), TALLY);
    assertThatThrownBy(projected::collectAsList).hasMessageContaining("gold.mart_tally.authority is null");
  }

  @Test
  void a_missing_column_or_a_wrong_type_is_a_bug_named_at_once() {
    assertThatThrownBy(() -> ContractProjection.apply(input("381").drop("disputes"), TALLY))
        .hasMessageContaining("does not produce column disputes");
    assertThatThrownBy(() -> ContractProjection.apply(input("381").withColumn("disputes", col("disputes").cast("int")), TALLY))
        .hasMessageContaining("column disputes a int but the contract says bigint");
    assertThatThrownBy(() -> ContractProjection.apply(input("381").withColumn("disputes", lit("3")), TALLY))
        .hasMessageContaining("gold.mart_tally");
  }
}
