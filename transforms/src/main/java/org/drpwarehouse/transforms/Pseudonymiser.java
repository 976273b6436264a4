package org.drpwarehouse.transforms;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.substring_index;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.drpwarehouse.schemas.PersonalData;
import org.drpwarehouse.schemas.RecordSpec;
import org.drpwarehouse.schemas.warehouse.SilverSchemas;
import org.drpwarehouse.transforms.internal.KeyedPseudonym;

/**
 * Applies each contract column's {@link PersonalData.Treatment}, read from the record's contract
 * (never from a list kept here), to typed rows that carry the silver {@code authority}:
 *
 * <ul>
 *   <li>{@code PSEUDONYMISE}: hex HMAC-SHA256 of {@code authority|id} under the warehouse's key. The
 *       same child id in two authorities gets two pseudonyms; the same child in one authority the
 *       same pseudonym in every file and load, so SSDA903 reviews still join exchange disputes.
 *   <li>{@code COARSEN_TO_MONTH}: the first day of the month ({@code 2012-03-17} → {@code
 *       2012-03-01}).
 *   <li>{@code OUTWARD_CODE}: the postcode's part before the space, upper-cased ({@code eg19 7tt} →
 *       {@code EG19}); a postcode written without its space loses its last three characters (the
 *       inward code is always three: {@code EG197TT} → {@code EG19}).
 *   <li>{@code DROP}: the column is removed.
 * </ul>
 *
 * <p>Other columns pass through in place. Pure: no actions, no I/O.
 *
 * <p>Why a UDF here when working-day arithmetic must never be one: Spark 3.5 has no keyed hash
 * ({@code hmac} is not a Spark SQL function; {@code sha2} of a key literal would print the key in
 * every plan, log and UI). The key lives in a {@link KeyedPseudonym} object that the plan names
 * only as {@value #FUNCTION_NAME}. The UDF is bound to this instance rather than registered in the
 * session, so two keys cannot shadow each other under one name and nothing global changes.
 */
public final class Pseudonymiser {
  /** The name under which the keyed hash shows in a query plan. */
  public static final String FUNCTION_NAME = "drp_pseudonym";

  private final UserDefinedFunction pseudonym;

  public Pseudonymiser(PseudonymisationKey key) {
    this.pseudonym = udf(new KeyedPseudonym(key.bytes()), DataTypes.StringType).withName(FUNCTION_NAME);
  }

  public Dataset<Row> apply(Dataset<Row> typed, RecordSpec spec) {
    List<Column> columns = new ArrayList<>();
    for (StructField field : typed.schema().fields()) {
      Optional<org.drpwarehouse.schemas.Column> contract = spec.column(field.name());
      if (contract.isEmpty()) {
        columns.add(col(field.name()));
        continue;
      }
      PersonalData.Treatment treatment = contract.get().personalData().treatment();
      Column value = col(field.name());
      Column treated =
          switch (treatment) {
            case KEEP -> value;
            case PSEUDONYMISE -> pseudonym.apply(col(SilverSchemas.AUTHORITY), value.cast(DataTypes.StringType));
            case COARSEN_TO_MONTH -> firstOfMonth(value, field.dataType(), spec, field.name());
            case OUTWARD_CODE -> outwardCode(value);
            case DROP -> null;
          };
      if (treated != null) {
        columns.add(treated.as(field.name(), field.metadata()));
      }
    }
    return typed.select(columns.toArray(Column[]::new));
  }

  private static Column firstOfMonth(Column date, DataType type, RecordSpec spec, String name) {
    if (type.equals(DataTypes.DateType)) {
      return trunc(date, "month");
    }
    if (type instanceof ArrayType array && array.elementType().equals(DataTypes.DateType)) {
      return transform(date, day -> trunc(day, "month"));
    }
    throw new IllegalArgumentException(
        "Column " + name + " of record " + spec.name() + " is marked for coarsening to the month but is " + type.simpleString()
            + " after typing: only dates can be coarsened; mark it with another treatment");
  }

  /** The outward code of a UK postcode, or null when nothing recognisable is left. */
  static Column outwardCode(Column postcode) {
    Column spaced = upper(regexp_replace(trim(postcode), "\\s+", " "));
    Column outward =
        when(spaced.contains(" "), substring_index(spaced, " ", 1))
            .otherwise(spaced.substr(lit(1), length(spaced).minus(3)));
    return when(length(outward).gt(0), outward);
  }
}
