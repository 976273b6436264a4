package org.drpwarehouse.schemas;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * The type of a contract column: how its text is read from a source file, how it is written back,
 * and which Spark type it has once conformed.
 *
 * <p>Dates come in two spellings: the exchange format's ISO {@code YYYY-MM-DD} ({@link #DATE}) and
 * SSDA903's {@code dd/mm/yyyy} ({@link #DATE_DMY}). Both conform to Spark {@code DateType}.
 */
public enum ColumnType {
  /** Free string. */
  STRING(DataTypes.StringType, "text"),
  /** A value from a closed code list ({@link Column#allowedValues()}). */
  CODE(DataTypes.StringType, "code"),
  /** ISO date {@code YYYY-MM-DD}. */
  DATE(DataTypes.DateType, "date YYYY-MM-DD"),
  /** SSDA903 date {@code dd/mm/yyyy}. */
  DATE_DMY(DataTypes.DateType, "date dd/mm/yyyy"),
  /** {@code Y}/{@code N} (also {@code true}/{@code false}); empty means unknown. */
  FLAG(DataTypes.BooleanType, "Y/N"),
  /** Whole number. */
  INTEGER(DataTypes.IntegerType, "integer"),
  /** ISO dates separated by {@code ;} (a JSON Lines array is accepted too). */
  DATE_LIST(DataTypes.createArrayType(DataTypes.DateType), "ISO dates separated by ;");

  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter DMY =
      DateTimeFormatter.ofPattern("dd/MM/uuuu", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

  private final DataType sparkType;
  private final String readable;

  ColumnType(DataType sparkType, String readable) {
    this.sparkType = sparkType;
    this.readable = readable;
  }

  /** The Spark type of the column once conformed (silver and later). */
  public DataType sparkType() {
    return sparkType;
  }

  /** How the type reads in user documentation. */
  public String readable() {
    return readable;
  }

  /** The date format of a date column; fails for other types. */
  public DateTimeFormatter dateFormat() {
    return switch (this) {
      case DATE, DATE_LIST -> ISO;
      case DATE_DMY -> DMY;
      default -> throw new IllegalStateException("Column type " + this + " holds no date");
    };
  }

  /**
   * Reads one non-empty source value.
   *
   * @throws IllegalArgumentException with a message naming the expected spelling
   */
  public Object parse(String text) {
    String value = text.trim();
    switch (this) {
      case STRING:
      case CODE:
        return value;
      case DATE:
      case DATE_DMY:
        try {
          return LocalDate.parse(value, dateFormat());
        } catch (DateTimeParseException e) {
          throw new IllegalArgumentException(
              "'" + value + "' is not a valid " + readable, e);
        }
      case FLAG:
        return parseFlag(value);
      case INTEGER:
        try {
          return Integer.parseInt(value);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("'" + value + "' is not a whole number", e);
        }
      case DATE_LIST:
        List<LocalDate> dates = new ArrayList<>();
        for (String part : value.split(";")) {
          if (!part.isBlank()) {
            dates.add((LocalDate) DATE.parse(part));
          }
        }
        return List.copyOf(dates);
      default:
        throw new IllegalStateException("unhandled column type " + this);
    }
  }

  /** Writes a value in the column's source spelling; {@code null} becomes the empty string. */
  public String format(Object value) {
    if (value == null) {
      return "";
    }
    return switch (this) {
      case DATE, DATE_DMY -> ((LocalDate) value).format(dateFormat());
      case FLAG -> ((Boolean) value) ? "Y" : "N";
      case DATE_LIST -> {
        StringBuilder out = new StringBuilder();
        for (Object date : (List<?>) value) {
          if (out.length() > 0) {
            out.append(';');
          }
          out.append(((LocalDate) date).format(ISO));
        }
        yield out.toString();
      }
      default -> String.valueOf(value);
    };
  }

  private static Boolean parseFlag(String value) {
    switch (value.toUpperCase(Locale.ROOT)) {
      case "Y":
      case "TRUE":
        return Boolean.TRUE;
      case "N":
      case "FALSE":
        return Boolean.FALSE;
      default:
        throw new IllegalArgumentException("'" + value + "' is not a flag: use Y or N (or true/false)");
    }
  }
}
