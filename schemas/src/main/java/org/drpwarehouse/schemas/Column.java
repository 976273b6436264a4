package org.drpwarehouse.schemas;

import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;

/**
 * One column of a source file contract: its name as it appears in the file's header, its type,
 * whether it is required, its allowed codes, whether it holds personal data, and the words and
 * example that the user documentation shows.
 *
 * <p>Build with {@link #of(String, ColumnType)}; every {@code with...} method returns a new value.
 */
public record Column(
    String name,
    ColumnType type,
    Requirement requirement,
    String requiredWhen,
    List<String> allowedValues,
    PersonalData personalData,
    String description,
    String example) {

  public Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(requirement, "requirement");
    Objects.requireNonNull(personalData, "personalData");
    if (name.isBlank()) {
      throw new IllegalArgumentException("Cannot use a blank column name");
    }
    allowedValues = allowedValues == null ? List.of() : List.copyOf(allowedValues);
    if (type == ColumnType.CODE && allowedValues.isEmpty()) {
      throw new IllegalArgumentException("Code column " + name + " needs its allowed values");
    }
    if (requirement == Requirement.CONDITIONAL && (requiredWhen == null || requiredWhen.isBlank())) {
      throw new IllegalArgumentException("Conditional column " + name + " must say when it is required");
    }
    description = description == null ? "" : description;
    example = example == null ? "" : example;
  }

  /** An optional, non-personal column with no description yet. */
  public static Column of(String name, ColumnType type) {
    return new Column(name, type, Requirement.OPTIONAL, null, List.of(), PersonalData.NONE, "", "");
  }

  public Column required() {
    return new Column(name, type, Requirement.REQUIRED, null, allowedValues, personalData, description, example);
  }

  public Column requiredWhen(String condition) {
    return new Column(name, type, Requirement.CONDITIONAL, condition, allowedValues, personalData, description, example);
  }

  public Column codes(List<String> codes) {
    return new Column(name, ColumnType.CODE, requirement, requiredWhen, codes, personalData, description, example);
  }

  public Column personal(PersonalData kind) {
    return new Column(name, type, requirement, requiredWhen, allowedValues, kind, description, example);
  }

  public Column doc(String text, String exampleValue) {
    return new Column(name, type, requirement, requiredWhen, allowedValues, personalData, text, exampleValue);
  }

  public boolean isRequired() {
    return requirement == Requirement.REQUIRED;
  }

  /** Whether {@code value} (already trimmed, non-empty) is one of this column's codes. */
  public boolean allows(String value) {
    return allowedValues.isEmpty() || allowedValues.contains(value);
  }

  /** The conformed Spark field, carrying the personal-data mark in its metadata. */
  public StructField sparkField() {
    return new StructField(name, type.sparkType(), !isRequired(), metadata());
  }

  /** The bronze Spark field: the raw source text, as read. */
  public StructField rawField() {
    return new StructField(name, org.apache.spark.sql.types.DataTypes.StringType, true, metadata());
  }

  private Metadata metadata() {
    MetadataBuilder meta = new MetadataBuilder();
    if (personalData.isPersonal()) {
      meta.putString(PersonalData.METADATA_KEY, personalData.name());
    }
    return meta.build();
  }
}
