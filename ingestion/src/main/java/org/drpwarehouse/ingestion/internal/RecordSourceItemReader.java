package org.drpwarehouse.ingestion.internal;

import org.drpwarehouse.ingestion.RawRecord;
import org.drpwarehouse.ingestion.SourceFile;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.item.ItemStreamReader;

/**
 * A restartable reader of one source file. The number of records read is saved in the step's
 * execution context at every chunk commit; a restart reopens the file and skips that many, so a
 * chunk cut short by a crash is read again from its first record.
 */
public final class RecordSourceItemReader implements ItemStreamReader<RawRecord> {
  static final String POSITION = "records.read";

  private final SourceFile file;
  private RecordSource source;
  private long position;
  private long chunkStart;

  public RecordSourceItemReader(SourceFile file) {
    this.file = file;
  }

  @Override
  public void open(ExecutionContext context) {
    source = RecordSource.open(file);
    source.skip(context.getLong(POSITION, 0L));
    position = source.position();
    chunkStart = position;
  }

  @Override
  public RawRecord read() {
    RawRecord record = source.next();
    position = source.position();
    return record;
  }

  @Override
  public void update(ExecutionContext context) {
    context.putLong(POSITION, position);
    chunkStart = position;
  }

  @Override
  public void close() {
    if (source != null) {
      source.close();
      // A run builds every file's step up front, so a finished reader must not keep its parser's
      // buffers reachable until the whole job ends.
      source = null;
    }
  }

  /**
   * The position of the first record of the chunk being processed: the position saved at the last
   * chunk commit (or restored on a restart). The writer names its staged files by it, because a
   * record's line is not unique (a tracker row gives several event records).
   */
  public long chunkStart() {
    return chunkStart;
  }

  /** Records read so far, counting those read before a restart. */
  long position() {
    return position;
  }
}
