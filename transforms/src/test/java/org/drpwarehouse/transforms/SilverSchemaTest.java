package org.drpwarehouse.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.drpwarehouse.schemas.Contracts;
import org.drpwarehouse.schemas.ExchangeFormat;
import org.drpwarehouse.schemas.PersonalData;
import org.drpwarehouse.schemas.RecordSpec;
import org.drpwarehouse.schemas.Ssda903;
import org.drpwarehouse.schemas.warehouse.Lineage;
import org.drpwarehouse.schemas.warehouse.SilverSchemas;
import org.drpwarehouse.schemas.warehouse.WarehouseTables;
import org.junit.jupiter.api.Test;

class SilverSchemaTest {
  private final SparkSession spark = SharedSpark.session();
  private final SilverConformance conformance = new SilverConformance(new Pseudonymiser(PseudonymiserTest.KEY));

  /** The silver schema spelled out from the contract, independently of SilverSchemas. */
  private static StructType expected(RecordSpec spec) {
    List<StructField> fields = new ArrayList<>();
    if (spec.column("authority").isEmpty()) {
      fields.add(DataTypes.createStructField("authority", DataTypes.StringType, true));
    }
    for (StructField typed : spec.sparkSchema().fields()) {
      PersonalData mark = spec.requireColumn(typed.name()).personalData();
      if (mark.treatment() != PersonalData.Treatment.DROP) {
        fields.add(new StructField(typed.name(), typed.dataType(), true, typed.metadata()));
      }
    }
    for (String lineage : List.of("_batch_id", "_ingested_at", "_source_kind", "_source_name", "_source_line", "_record_hash")) {
      fields.add(Lineage.SCHEMA.apply(lineage));
    }
    return new StructType(fields.toArray(StructField[]::new));
  }

  @Test
  void every_silver_table_has_the_contracts_typed_columns_and_the_lineage() {
    for (RecordSpec spec : Contracts.all()) {
      StructType bronze = WarehouseTables.bronzeSchema(spec);
      StructType produced = conformance.apply(spark.createDataFrame(List.<Row>of(), bronze), spec).schema();
      assertThat(SilverSchemas.of(spec)).as("silver schema of %s", spec.name()).isEqualTo(expected(spec));
      assertThat(produced).as("the conformance of %s produces its silver schema", spec.name()).isEqualTo(SilverSchemas.of(spec));
    }
  }

  @Test
  void personal_data_marks_travel_into_silver() {
    StructType header = SilverSchemas.of(Ssda903.HEADER);
    assertThat(header.apply("CHILD").metadata().getString(PersonalData.METADATA_KEY)).isEqualTo("CHILD_ID");
    assertThat(header.apply("DOB").metadata().getString(PersonalData.METADATA_KEY)).isEqualTo("DATE_OF_BIRTH");
    assertThat(header.fieldNames()).startsWith("authority").doesNotContain("_extra", "_deleted", "_authority");
    assertThat(SilverSchemas.key(Ssda903.HEADER)).containsExactly("authority", "CHILD");
    assertThat(SilverSchemas.key(ExchangeFormat.DISPUTES)).containsExactly("authority", "dispute_id");
  }
}
