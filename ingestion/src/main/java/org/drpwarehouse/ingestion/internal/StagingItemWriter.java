package org.drpwarehouse.ingestion.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.drpwarehouse.ingestion.RawRecord;
import org.drpwarehouse.ingestion.SourceFile;
import org.drpwarehouse.ingestion.ValidatedRecord;
import org.drpwarehouse.ingestion.Violation;
import org.drpwarehouse.schemas.ExchangeColumns;
import org.drpwarehouse.schemas.warehouse.WarehouseTables.QuarantineColumns;
import org.springframework.batch.item.Chunk;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.item.ItemStreamWriter;

/**
 * Stages each chunk as two files under the run's staging folder: the valid records with their
 * lineage as Parquet ({@link StagedBronzeFile}), and one quarantine row per broken rule as JSON
 * Lines. Files are named by the position of the chunk's first record in the file ({@link
 * StagingLayout}) and overwritten when a restarted chunk is written again.
 *
 * <p>The writer also counts what it stages (records for bronze, records for quarantine, breaches by
 * rule) and saves the counts with each chunk, so the commit proves read = loaded + quarantined
 * without reading the staged data again, even where one source row gives several records.
 */
public final class StagingItemWriter implements ItemStreamWriter<ValidatedRecord> {
  static final String LOADED = "records.staged.bronze";
  static final String QUARANTINED = "records.staged.quarantine";
  static final String RULE_PREFIX = "records.staged.rule.";
  /**
   * Staged with each quarantine row, not kept in the quarantine table: the rejected record's key
   * as read (key column to value), when every key column was read and broke no rule; absent when
   * the record cannot be told from others. A {@linkplain SourceFile#fullSnapshot() full snapshot}
   * needs it: a rejected record is still at source, so it is not deleted.
   */
  static final String SOURCE_KEY = "source_key";

  private static final JsonFactory JSON = new JsonFactory();


  private final SourceFile file;
  private final int fileIndex;
  private final StagingLayout layout;
  private final FileSystem fs;
  private final Configuration hadoop;
  private final LongSupplier chunkStart;
  /** Counts of what has been staged, saved with each chunk so a restart carries them on. */
  private long loaded;
  private long quarantined;
  private final Map<String, Long> rules = new java.util.TreeMap<>();

  /**
   * @param chunkStart the position of the first record of the chunk being written ({@link
   *     RecordSourceItemReader#chunkStart()}); every record read reaches the writer, in order
   */
  public StagingItemWriter(SourceFile file, int fileIndex, StagingLayout layout, Configuration hadoop, LongSupplier chunkStart) {
    this.file = file;
    this.chunkStart = chunkStart;
    this.fileIndex = fileIndex;
    this.layout = layout;
    this.hadoop = hadoop;
    try {
      this.fs = layout.root().getFileSystem(hadoop);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the staging file system at " + layout.root(), e);
    }
  }

  @Override
  public void open(ExecutionContext context) {
    loaded = context.getLong(LOADED, 0L);
    quarantined = context.getLong(QUARANTINED, 0L);
    rules.clear();
    for (Map.Entry<String, Object> entry : context.entrySet()) {
      if (entry.getKey().startsWith(RULE_PREFIX)) {
        rules.put(entry.getKey().substring(RULE_PREFIX.length()), ((Number) entry.getValue()).longValue());
      }
    }
  }

  @Override
  public void update(ExecutionContext context) {
    context.putLong(LOADED, loaded);
    context.putLong(QUARANTINED, quarantined);
    rules.forEach((rule, count) -> context.putLong(RULE_PREFIX + rule, count));
  }

  @Override
  public void write(Chunk<? extends ValidatedRecord> chunk) throws IOException {
    if (chunk.isEmpty()) {
      return;
    }
    long first = chunkStart.getAsLong();
    Path bronze = layout.bronzeChunk(fileIndex, first);
    Path quarantine = layout.quarantineChunk(fileIndex, first);
    boolean anyValid = false;
    boolean anyRejected = false;
    for (ValidatedRecord item : chunk) {
      if (item.isValid()) {
        anyValid = true;
      } else {
        anyRejected = true;
      }
    }
    if (anyValid) {
      try (StagedBronzeFile staged = new StagedBronzeFile(file.spec(), bronze, hadoop)) {
        for (ValidatedRecord item : chunk) {
          if (item.isValid()) {
            loaded++;
            staged.write(item.record(), authority(item.record()), file.kind().id(), file.name());
          }
        }
      }
    } else {
      fs.delete(bronze, false);
    }
    for (ValidatedRecord item : chunk) {
      if (!item.isValid()) {
        quarantined++;
        for (Violation violation : item.violations()) {
          rules.merge(violation.ruleId(), 1L, Long::sum);
        }
      }
    }
    if (anyRejected) {
      try (OutputStream out = fs.create(quarantine, true);
          JsonGenerator json = JSON.createGenerator(out)) {
        json.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
        for (ValidatedRecord item : chunk) {
          for (Violation violation : item.violations()) {
            writeQuarantine(json, item.record(), violation, item.violations());
          }
        }
        json.writeRaw('\n');
      }
    } else {
      fs.delete(quarantine, false);
    }
  }

  private String authority(RawRecord record) {
    // Exchange-format records carry their own authority, whichever source they came from.
    if (file.spec().column(ExchangeColumns.AUTHORITY).isPresent() && record.has(ExchangeColumns.AUTHORITY)) {
      return record.value(ExchangeColumns.AUTHORITY).trim();
    }
    return file.authority();
  }


  /** Whether a rejected record's key was read whole: the record could be split into columns and no rule broke on its key. */
  private boolean identifiable(RawRecord record, List<Violation> violations) {
    return record.structureError() == null
        && file.spec().naturalKey().stream().allMatch(record::has)
        && violations.stream().noneMatch(v -> v.column() == null || file.spec().naturalKey().contains(v.column()));
  }

  private void writeQuarantine(JsonGenerator json, RawRecord record, Violation violation, List<Violation> violations)
      throws IOException {
    json.writeStartObject();
    json.writeStringField(QuarantineColumns.RECORD, file.spec().name());
    String authority = authority(record);
    if (authority != null) {
      json.writeStringField(QuarantineColumns.AUTHORITY, authority);
    }
    json.writeStringField(QuarantineColumns.SOURCE_KIND, file.kind().id());
    json.writeStringField(QuarantineColumns.SOURCE_NAME, file.name());
    json.writeNumberField(QuarantineColumns.SOURCE_LINE, record.line());
    if (violation.column() != null) {
      json.writeStringField(QuarantineColumns.COLUMN, violation.column());
    }
    json.writeStringField(QuarantineColumns.RULE_ID, violation.ruleId());
    json.writeStringField(QuarantineColumns.REASON, violation.fullReason());
    json.writeStringField(QuarantineColumns.RAW_RECORD, record.text());
    if (identifiable(record, violations)) {
      json.writeObjectFieldStart(SOURCE_KEY);
      for (String column : file.spec().naturalKey()) {
        json.writeStringField(column, record.value(column));
      }
      json.writeEndObject();
    }
    json.writeEndObject();
  }
}
