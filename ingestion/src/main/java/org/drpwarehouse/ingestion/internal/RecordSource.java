package org.drpwarehouse.ingestion.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.drpwarehouse.ingestion.RawRecord;
import org.drpwarehouse.ingestion.SourceFile;
import org.drpwarehouse.ingestion.SourceFileException;

/**
 * Reads a source file record by record. Opening checks that the file is what it claims (header,
 * encoding); {@link #next()} returns {@code null} at the end. Records are numbered so that a
 * restarted read can {@link #skip} to where it stopped.
 */
public interface RecordSource extends Closeable {
  /** The next record, or {@code null} at the end of the file. */
  RawRecord next();

  /** Records returned so far. */
  long position();

  /** Reads and discards records until {@link #position()} is {@code records}. */
  default void skip(long records) {
    while (position() < records && next() != null) {
      // discard
    }
  }

  @Override
  void close();

  /** Opens the reader for a file's format. */
  static RecordSource open(SourceFile source) {
    return switch (source.format()) {
      case CSV -> new CsvRecordSource(source);
      case JSON_LINES -> new JsonLinesRecordSource(source);
      case JDBC_QUERY -> new JdbcRecordSource(source);
      case TRACKER_XLSX -> new TrackerRecordSource(source);
    };
  }

  /**
   * A strict UTF-8 reader: an invalid byte fails instead of becoming a replacement character, and a
   * leading byte-order mark (as Excel writes) is dropped.
   */
  static Reader strictUtf8(SourceFile source) {
    try {
      PushbackInputStream in = new PushbackInputStream(Files.newInputStream(source.path()), 3);
      byte[] bom = new byte[3];
      int read = in.readNBytes(bom, 0, 3);
      boolean hasBom = read == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF;
      if (!hasBom && read > 0) {
        in.unread(bom, 0, read);
      }
      return new InputStreamReader(
          in,
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT));
    } catch (IOException e) {
      throw new SourceFileException(source.name(), "cannot be read (" + e.getMessage() + ")", "check the file", e);
    }
  }

  /** Whether the file's last byte is a line break (a missing one may mean the file was cut short). */
  static boolean endsWithLineBreak(SourceFile source) {
    try (InputStream in = Files.newInputStream(source.path())) {
      long size = Files.size(source.path());
      if (size == 0) {
        return true;
      }
      in.skipNBytes(size - 1);
      int last = in.read();
      return last == '\n' || last == '\r';
    } catch (IOException e) {
      throw new SourceFileException(source.name(), "cannot be read (" + e.getMessage() + ")", "check the file", e);
    }
  }

  static SourceFileException notUtf8(SourceFile source, long line, Throwable cause) {
    return new SourceFileException(
        source.name(),
        "is not UTF-8 text (an invalid byte at or after line " + line + ")",
        "save the file as UTF-8 (in Excel: CSV UTF-8); nothing from this file was loaded",
        cause);
  }
}
