package org.drpwarehouse.ingestion.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.drpwarehouse.ingestion.RawRecord;
import org.drpwarehouse.schemas.Column;
import org.drpwarehouse.schemas.RecordSpec;
import org.drpwarehouse.schemas.warehouse.Lineage;

/**
 * One staged chunk of valid records, written as Parquet: the contract's columns as text and the
 * lineage, so that the commit step reads it as a columnar copy instead of parsing text a second
 * time. Unknown source columns ride along as JSON text in {@value Lineage#EXTRA}, which the commit
 * turns back into a map.
 */
final class StagedBronzeFile implements AutoCloseable {
  private static final JsonFactory JSON = new JsonFactory();

  private final RecordSpec spec;
  private final ParquetWriter<Group> writer;
  private final SimpleGroupFactory rows;

  StagedBronzeFile(RecordSpec spec, Path path, Configuration hadoop) throws IOException {
    this.spec = spec;
    MessageType schema = schemaOf(spec);
    this.rows = new SimpleGroupFactory(schema);
    this.writer =
        ExampleParquetWriter.builder(path)
            .withConf(hadoop)
            .withType(schema)
            .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
            .withCompressionCodec(CompressionCodecName.SNAPPY)
            .build();
  }

  /** The staged Parquet schema of a record kind: every contract column and lineage field as text. */
  static MessageType schemaOf(RecordSpec spec) {
    Types.MessageTypeBuilder builder = Types.buildMessage();
    for (Column column : spec.columns()) {
      text(builder, column.name());
    }
    text(builder, Lineage.AUTHORITY);
    text(builder, Lineage.SOURCE_KIND);
    text(builder, Lineage.SOURCE_NAME);
    builder.required(PrimitiveTypeName.INT64).named(Lineage.SOURCE_LINE);
    text(builder, Lineage.RECORD_HASH);
    text(builder, Lineage.EXTRA);
    return builder.named("staged_" + spec.name());
  }

  private static void text(Types.MessageTypeBuilder builder, String name) {
    builder.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(name);
  }

  void write(RawRecord record, String authority, String sourceKind, String sourceName) throws IOException {
    Group row = rows.newGroup();
    for (Column column : spec.columns()) {
      String value = record.value(column.name());
      if (!value.isEmpty()) {
        row.add(column.name(), value);
      }
    }
    if (authority != null) {
      row.add(Lineage.AUTHORITY, authority);
    }
    row.add(Lineage.SOURCE_KIND, sourceKind);
    row.add(Lineage.SOURCE_NAME, sourceName);
    row.add(Lineage.SOURCE_LINE, record.line());
    row.add(Lineage.RECORD_HASH, RecordHash.of(spec, record));
    String extra = extraColumns(record);
    if (extra != null) {
      row.add(Lineage.EXTRA, extra);
    }
    writer.write(row);
  }

  /** Source columns the contract does not know, as a JSON object; null when there are none. */
  private String extraColumns(RawRecord record) throws IOException {
    StringWriter text = null;
    JsonGenerator json = null;
    for (Map.Entry<String, String> entry : record.values().entrySet()) {
      if (spec.column(entry.getKey()).isEmpty()) {
        if (json == null) {
          text = new StringWriter();
          json = JSON.createGenerator(text);
          json.writeStartObject();
        }
        json.writeStringField(entry.getKey(), entry.getValue());
      }
    }
    if (json == null) {
      return null;
    }
    json.writeEndObject();
    json.close();
    return text.toString();
  }

  @Override
  public void close() throws IOException {
    writer.close();
  }
}
