package org.drpwarehouse.ingestion.internal;

import com.univocity.parsers.common.TextParsingException;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.drpwarehouse.ingestion.RawRecord;
import org.drpwarehouse.ingestion.SourceFile;
import org.drpwarehouse.ingestion.SourceFileException;
import org.drpwarehouse.ingestion.Violation;
import org.drpwarehouse.schemas.Column;
import org.drpwarehouse.schemas.CsvRows;
import org.drpwarehouse.schemas.RecordSpec;

/**
 * Reads an RFC 4180 CSV file with a header row. Header names match contract columns ignoring case
 * and surrounding spaces; unknown columns are kept; the file fails if a required column is missing,
 * a column is named twice, or none of the contract's columns is there. A row with the wrong number
 * of fields is quarantined ({@code structure.columns}), unless it is the last row of a file with no
 * final line break: then the file was cut short and fails.
 */
final class CsvRecordSource implements RecordSource {
  private final SourceFile source;
  private final CsvParser parser;
  private final String[] header;
  private final boolean endsWithLineBreak;
  private long position;
  private long lastLine = 1;
  private String[] pending;
  private long pendingLine;
  private String pendingText;

  CsvRecordSource(SourceFile source) {
    this.source = source;
    this.endsWithLineBreak = RecordSource.endsWithLineBreak(source);
    CsvParserSettings settings = new CsvParserSettings();
    settings.setHeaderExtractionEnabled(false);
    settings.setLineSeparatorDetectionEnabled(true);
    settings.setNullValue("");
    settings.setEmptyValue("");
    settings.setSkipEmptyLines(true);
    settings.setIgnoreLeadingWhitespaces(false);
    settings.setIgnoreTrailingWhitespaces(false);
    settings.setMaxCharsPerColumn(1 << 14);
    settings.setReadInputOnSeparateThread(false);
    settings.setMaxColumns(1024);
    settings.getFormat().setComment('\0'); // a row starting with # is data, not a comment
    this.parser = new CsvParser(settings);
    String[] first;
    try {
      parser.beginParsing(RecordSource.strictUtf8(source));
      first = parseNext();
    } catch (TextParsingException e) {
      throw unreadable(e);
    }
    if (first == null) {
      close();
      throw new SourceFileException(source.name(), "is empty; a header row is expected",
          "export the file with its header row: " + String.join(",", source.spec().columnNames()));
    }
    this.header = canonicalHeader(first);
    this.lastLine = parser.getContext().currentLine();
    advance();
  }

  private String[] canonicalHeader(String[] raw) {
    RecordSpec spec = source.spec();
    String[] names = new String[raw.length];
    Set<String> seen = new HashSet<>();
    int known = 0;
    for (int i = 0; i < raw.length; i++) {
      String name = raw[i] == null ? "" : raw[i].trim();
      for (Column column : spec.columns()) {
        if (column.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
          name = column.name();
          known++;
        }
      }
      if (!name.isEmpty() && !seen.add(name)) {
        close();
        throw new SourceFileException(source.name() + ": line 1", "names column " + name + " twice",
            "keep one column of each name in the header");
      }
      names[i] = name;
    }
    List<String> missing = new ArrayList<>();
    for (Column column : spec.requiredColumns()) {
      if (!seen.contains(column.name())) {
        missing.add(column.name());
      }
    }
    if (known == 0 || !missing.isEmpty()) {
      close();
      throw new SourceFileException(
          source.name() + ": line 1",
          known == 0
              ? "is not a " + spec.name() + " file: its header has none of the expected columns"
              : "the header lacks required column" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing),
          "the header must name the columns " + String.join(",", spec.columnNames())
              + " (order is free); nothing from this file was loaded");
    }
    return names;
  }

  private String[] parseNext() {
    try {
      return parser.parseNext();
    } catch (TextParsingException e) {
      throw unreadable(e);
    }
  }

  private SourceFileException unreadable(TextParsingException e) {
    if (causedByEncoding(e)) {
      return RecordSource.notUtf8(source, lastLine + 1, e);
    }
    return new SourceFileException(source.name() + ": line " + (lastLine + 1),
        "cannot be read as CSV (" + firstLine(e.getMessage()) + ")",
        "check the quoting of that line (RFC 4180: quote fields with commas, double inner quotes)", e);
  }

  private static boolean causedByEncoding(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CharacterCodingException) {
        return true;
      }
    }
    return false;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "parse error";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  /** Reads one record ahead, so the last record of the file can be recognised. */
  private void advance() {
    String[] fields = parseNext();
    if (fields == null) {
      pending = null;
      return;
    }
    pendingLine = lastLine + 1;
    String content = parser.getContext().currentParsedContent();
    pendingText = content == null ? joined(fields) : content.stripTrailing();
    lastLine = parser.getContext().currentLine();
    pending = fields;
  }

  private static String joined(String[] fields) {
    List<String> quoted = new ArrayList<>();
    for (String field : fields) {
      quoted.add(CsvRows.quote(field == null ? "" : field));
    }
    return String.join(",", quoted);
  }

  @Override
  public RawRecord next() {
    if (pending == null) {
      return null;
    }
    String[] fields = pending;
    long line = pendingLine;
    String text = pendingText;
    advance();
    boolean last = pending == null;
    position++;
    Violation structure = null;
    if (fields.length != header.length && !(fields.length == 1 && header.length == 1)) {
      if (last && !endsWithLineBreak && fields.length < header.length) {
        throw new SourceFileException(source.name() + ": line " + line,
            "is truncated: the last row has " + fields.length + " of " + header.length
                + " columns and the file has no final line break",
            "export the whole file again; nothing from this file was loaded");
      }
      structure =
          new Violation(null, "structure.columns",
              "the row has " + fields.length + " fields where the header has " + header.length);
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < header.length; i++) {
      if (!header[i].isEmpty()) {
        values.put(header[i], i < fields.length && fields[i] != null ? fields[i] : "");
      }
    }
    return new RawRecord(line, values, text, structure);
  }

  @Override
  public long position() {
    return position;
  }

  @Override
  public void close() {
    parser.stopParsing();
  }
}
