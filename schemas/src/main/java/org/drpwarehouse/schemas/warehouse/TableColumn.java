package org.drpwarehouse.schemas.warehouse;

import java.util.Objects;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;

/**
 * One column of a table the warehouse derives (gold, marts, quality results): its name, Spark type,
 * and the meaning a reader of the metric dictionary sees. The meaning is kept in the Spark field's
 * metadata under {@value #COMMENT}, so Delta tables carry it as a column comment.
 */
public record TableColumn(String name, DataType type, boolean nullable, String description) {
  public static final String COMMENT = "comment";

  public TableColumn {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    if (!name.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("Cannot use column name '" + name + "': use lower_snake_case");
    }
    if (description == null || description.isBlank()) {
      throw new IllegalArgumentException("Column " + name + " needs a description for the metric dictionary");
    }
  }

  public StructField sparkField() {
    Metadata metadata = new MetadataBuilder().putString(COMMENT, description).build();
    return new StructField(name, type, nullable, metadata);
  }
}
