package org.drpwarehouse.transforms;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.drpwarehouse.schemas.Column;
import org.drpwarehouse.schemas.RecordSpec;
import org.drpwarehouse.schemas.warehouse.WarehouseTables;

/**
 * Tiny bronze tables built inline in the canonical bronze schema: one {@link Load} per file loaded,
 * one {@link #line} per record, values given as {@code "column", "value"} pairs (the rest empty).
 */
final class Bronze {
  private final RecordSpec spec;
  private final List<Row> rows = new ArrayList<>();

  private Bronze(RecordSpec spec) {
    this.spec = spec;
  }

  static Bronze of(RecordSpec spec) {
    return new Bronze(spec);
  }

  /** One file (or query) loaded by one ingest batch. */
  record Load(String authority, String kind, String sourceName, String batchId, Timestamp ingestedAt) {
    static Load of(String authority, String sourceName, String batchId, String ingestedAt) {
      String kind = sourceName.startsWith("ssda903") ? "ssda903" : "exchange";
      return new Load(authority, kind, sourceName, batchId, Timestamp.valueOf(ingestedAt.replace('T', ' ')));
    }
  }

  Bronze line(Load load, long line, String... columnValuePairs) {
    return line(load, line, Map.of(), columnValuePairs);
  }

  Bronze line(Load load, long line, Map<String, String> extra, String... columnValuePairs) {
    Map<String, String> values = values(columnValuePairs);
    rows.add(row(load, line, values, hash(values), extra.isEmpty() ? null : extra, null));
    return this;
  }

  /** A full database pull no longer found this record: its key only. */
  Bronze tombstone(Load load, String... keyValuePairs) {
    Map<String, String> values = values(keyValuePairs);
    rows.add(row(load, 0, values, hash(values), null, true));
    return this;
  }

  Dataset<Row> dataset(SparkSession spark) {
    return spark.createDataFrame(rows, WarehouseTables.bronzeSchema(spec));
  }

  private Row row(Load load, long line, Map<String, String> values, String hash, Map<String, String> extra, Boolean deleted) {
    List<Object> cells = new ArrayList<>();
    for (Column column : spec.columns()) {
      cells.add(values.getOrDefault(column.name(), ""));
    }
    cells.add(load.authority());
    cells.add(load.kind());
    cells.add(load.sourceName());
    cells.add(line);
    cells.add(load.batchId());
    cells.add(load.ingestedAt());
    cells.add(hash);
    cells.add(extra);
    cells.add(deleted);
    return RowFactory.create(cells.toArray());
  }

  private Map<String, String> values(String... pairs) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      spec.requireColumn(pairs[i]);
      values.put(pairs[i], pairs[i + 1]);
    }
    return values;
  }

  /** As ingestion hashes: the trimmed contract values in contract order. */
  private String hash(Map<String, String> values) {
    StringBuilder text = new StringBuilder();
    for (Column column : spec.columns()) {
      text.append(values.getOrDefault(column.name(), "").trim()).append('\u001f');
    }
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
