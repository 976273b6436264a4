package org.drpwarehouse.transforms;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.drpwarehouse.schemas.ColumnType;
import org.drpwarehouse.schemas.RecordSpec;
import org.drpwarehouse.schemas.warehouse.Lineage;
import org.drpwarehouse.schemas.warehouse.SilverSchemas;

/**
 * Bronze rows of one record (raw text + lineage, {@code WarehouseTables.bronzeSchema(spec)}) typed
 * by their contract: every column read from its text the way {@link ColumnType#parse} reads it at
 * ingestion, every value trimmed, an empty value null.
 *
 * <ul>
 *   <li>{@code DATE} {@code 2024-05-03} and {@code DATE_DMY} {@code 03/05/2024} both become the date
 *       2024-05-03;
 *   <li>{@code FLAG} {@code Y}/{@code true} is true, {@code N}/{@code false} false, empty null (not
 *       recorded);
 *   <li>{@code DATE_LIST} {@code 2024-02-01;2024-05-01} becomes an array of two dates;
 *   <li>{@code INTEGER} an int; {@code STRING} and {@code CODE} trimmed text.
 * </ul>
 *
 * <p>The output has the silver {@code authority} (the record's own column, or for SSDA903 the
 * extract's {@code _authority}), the typed contract columns (personal data still raw: the {@link
 * Pseudonymiser} comes next), the lineage silver keeps, and {@code _deleted} for {@link
 * LatestVersions}. {@code _extra} is not selected: unknown source columns never leave bronze.
 *
 * <p>Pure: no actions, no I/O.
 */
public final class TypedRecords {
  private TypedRecords() {}

  public static Dataset<Row> apply(Dataset<Row> bronze, RecordSpec spec) {
    List<Column> columns = new ArrayList<>();
    if (!SilverSchemas.hasAuthorityColumn(spec)) {
      columns.add(text(col(Lineage.AUTHORITY)).as(SilverSchemas.AUTHORITY));
    }
    for (org.drpwarehouse.schemas.Column column : spec.columns()) {
      columns.add(typed(col(column.name()), column.type()).as(column.name(), column.sparkField().metadata()));
    }
    for (String lineage : SilverSchemas.LINEAGE) {
      columns.add(col(lineage));
    }
    columns.add(col(Lineage.DELETED));
    return bronze.select(columns.toArray(Column[]::new));
  }

  /** The typed value of a raw text column. */
  static Column typed(Column raw, ColumnType type) {
    Column text = text(raw);
    return switch (type) {
      case STRING, CODE -> text;
      case DATE -> to_date(text, "yyyy-MM-dd");
      case DATE_DMY -> to_date(text, "dd/MM/yyyy");
      case FLAG -> when(upper(text).isin("Y", "TRUE"), lit(true)).when(upper(text).isin("N", "FALSE"), lit(false));
      case INTEGER -> text.cast(DataTypes.IntegerType);
      case DATE_LIST ->
          transform(
              filter(split(text, ";"), part -> trim(part).notEqual(lit(""))),
              part -> to_date(trim(part), "yyyy-MM-dd"));
    };
  }

  /** Trimmed text; empty is null, as an empty cell means "not given". */
  private static Column text(Column raw) {
    Column trimmed = trim(raw);
    return when(trimmed.notEqual(lit("")), trimmed);
  }
}
