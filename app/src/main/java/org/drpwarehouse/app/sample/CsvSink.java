package org.drpwarehouse.app.sample;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import org.drpwarehouse.schemas.CsvRows;
import org.drpwarehouse.schemas.RecordSpec;

/**
 * One output CSV file: the contract's header, then rows in contract column order (UTF-8, LF line
 * ends, buffered), some replaced by malformed ones. Counts rows, malformed rows by kind and bytes.
 */
final class CsvSink implements Closeable {
  private final RecordSpec spec;
  private final CsvRows rows;
  private final MalformedRows malformed;
  private final Counting counter;
  private final Writer writer;
  private final EnumMap<MalformedKind, Long> kinds = new EnumMap<>(MalformedKind.class);
  private long written;
  private long bad;

  CsvSink(Path file, RecordSpec spec, MalformedRows malformed) throws IOException {
    this.spec = spec;
    this.rows = CsvRows.of(spec);
    this.malformed = malformed;
    this.counter = new Counting(Files.newOutputStream(file));
    this.writer = new BufferedWriter(new OutputStreamWriter(counter, StandardCharsets.UTF_8), 1 << 16);
    writer.write(rows.header());
    writer.write('\n');
  }

  void write(Record row) throws IOException {
    String line = rows.line(row);
    MalformedRows.Corruption corruption = malformed == null ? null : malformed.maybeCorrupt(spec, line);
    if (corruption != null) {
      line = corruption.line();
      bad++;
      kinds.merge(corruption.kind(), 1L, Long::sum);
    }
    writer.write(line);
    writer.write('\n');
    written++;
  }

  long rows() {
    return written;
  }

  long malformed() {
    return bad;
  }

  EnumMap<MalformedKind, Long> malformedByKind() {
    return kinds;
  }

  /** Bytes written so far; complete once closed. */
  long bytes() {
    return counter.count;
  }

  @Override
  public void close() throws IOException {
    writer.close();
  }

  /** Counts the bytes that reach the file. */
  private static final class Counting extends FilterOutputStream {
    long count;

    Counting(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }
  }
}
