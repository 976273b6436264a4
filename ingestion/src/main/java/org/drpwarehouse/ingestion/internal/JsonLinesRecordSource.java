package org.drpwarehouse.ingestion.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drpwarehouse.ingestion.RawRecord;
import org.drpwarehouse.ingestion.SourceFile;
import org.drpwarehouse.ingestion.SourceFileException;
import org.drpwarehouse.ingestion.Violation;

/**
 * Reads JSON Lines: one object per line, the same field names as the CSV columns. Scalars are read
 * as text; an array (e.g. {@code review_dates}) becomes its elements joined by {@code ;}. A line that
 * is not a JSON object is quarantined ({@code structure.json}); an unparseable last line with no
 * final line break means the file was cut short, and the file fails.
 */
final class JsonLinesRecordSource implements RecordSource {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SourceFile source;
  private final BufferedReader reader;
  private final boolean endsWithLineBreak;
  private long line;
  private long position;
  private String pending;
  private long pendingLine;

  JsonLinesRecordSource(SourceFile source) {
    this.source = source;
    this.endsWithLineBreak = RecordSource.endsWithLineBreak(source);
    this.reader = new BufferedReader(RecordSource.strictUtf8(source), 1 << 16);
    advance();
  }

  private void advance() {
    try {
      String text;
      do {
        text = reader.readLine();
        line++;
      } while (text != null && text.isBlank());
      pending = text;
      pendingLine = line;
    } catch (CharacterCodingException e) {
      throw RecordSource.notUtf8(source, line + 1, e);
    } catch (IOException e) {
      throw new SourceFileException(source.name(), "cannot be read (" + e.getMessage() + ")", "check the file", e);
    }
  }

  @Override
  public RawRecord next() {
    if (pending == null) {
      return null;
    }
    String text = pending;
    long at = pendingLine;
    advance();
    position++;
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      if (pending == null && !endsWithLineBreak) {
        throw new SourceFileException(source.name() + ": line " + at,
            "is truncated: the last line is not complete JSON and the file has no final line break",
            "export the whole file again; nothing from this file was loaded", e);
      }
      return new RawRecord(at, Map.of(), text,
          new Violation(null, "structure.json", "the line is not valid JSON", e.getOriginalMessage()));
    }
    if (node == null || !node.isObject()) {
      return new RawRecord(at, Map.of(), text, new Violation(null, "structure.json", "the line is not a JSON object"));
    }
    Map<String, String> values = new LinkedHashMap<>();
    Violation structure = null;
    for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode value = field.getValue();
      if (value.isObject()) {
        structure = new Violation(field.getKey(), "structure.json", field.getKey() + " is a nested object; use a plain value");
        values.put(field.getKey(), value.toString());
      } else if (value.isArray()) {
        List<String> parts = new ArrayList<>();
        value.forEach(element -> parts.add(element.asText()));
        values.put(field.getKey(), String.join(";", parts));
      } else {
        values.put(field.getKey(), value.isNull() ? "" : value.asText());
      }
    }
    return new RawRecord(at, values, text, structure);
  }

  @Override
  public long position() {
    return position;
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException e) {
      // closing a read-only file: nothing to lose
    }
  }
}
