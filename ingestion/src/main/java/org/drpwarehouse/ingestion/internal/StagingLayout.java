package org.drpwarehouse.ingestion.internal;

import java.net.URI;
import org.apache.hadoop.fs.Path;

/**
 * Where a run stages its chunks before the one Delta commit per table:
 * {@code WAREHOUSE/_staging/<run key>/<file index>/bronze-<first record>.parquet} and
 * {@code quarantine-<first record>.jsonl}, plus {@code read.json} with the file's final count.
 *
 * <p>A chunk's files are named by the position of its first record, which the reader restores on a
 * restart: a chunk redone after a crash overwrites its own earlier attempt instead of adding to it.
 */
public final class StagingLayout {
  private final Path root;

  public StagingLayout(URI warehouse, String runKey) {
    String base = warehouse.toString();
    this.root = new Path((base.endsWith("/") ? base : base + "/") + "_staging/" + runKey);
  }

  public Path root() {
    return root;
  }

  public Path fileDir(int fileIndex) {
    return new Path(root, String.format("%05d", fileIndex));
  }

  public Path bronzeChunk(int fileIndex, long firstRecord) {
    return new Path(fileDir(fileIndex), String.format("bronze-%012d.parquet", firstRecord));
  }

  public Path quarantineChunk(int fileIndex, long firstRecord) {
    return new Path(fileDir(fileIndex), String.format("quarantine-%012d.jsonl", firstRecord));
  }

  public Path readCount(int fileIndex) {
    return new Path(fileDir(fileIndex), "read.json");
  }

  /** Glob of every staged bronze chunk of a file. */
  public String bronzeGlob(int fileIndex) {
    return new Path(fileDir(fileIndex), "bronze-*.parquet").toString();
  }

  public String quarantineGlob(int fileIndex) {
    return new Path(fileDir(fileIndex), "quarantine-*.jsonl").toString();
  }
}
