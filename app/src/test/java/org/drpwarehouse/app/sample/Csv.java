package org.drpwarehouse.app.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A test's own RFC 4180 reader (deliberately not the generator's), returning rows as column name
 * to value. Fails on a structurally broken file: unbalanced quotes, a row with the wrong number of
 * fields, a CR, or no final line break.
 */
final class Csv {
  private Csv() {}

  /** The header and rows of a file. */
  record Table(List<String> header, List<Map<String, String>> rows) {}

  static Table read(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    if (text.indexOf('\r') >= 0) {
      throw new IllegalStateException(file + " has a CR: lines must end LF only");
    }
    if (!text.endsWith("\n")) {
      throw new IllegalStateException(file + " does not end with a line break");
    }
    List<List<String>> records = parse(text, file);
    List<String> header = records.get(0);
    List<Map<String, String>> rows = new ArrayList<>();
    for (int i = 1; i < records.size(); i++) {
      List<String> fields = records.get(i);
      if (fields.size() != header.size()) {
        throw new IllegalStateException(file + " line " + (i + 1) + " has " + fields.size() + " fields, header has " + header.size());
      }
      Map<String, String> row = new LinkedHashMap<>();
      for (int c = 0; c < header.size(); c++) {
        row.put(header.get(c), fields.get(c));
      }
      rows.add(row);
    }
    return new Table(header, rows);
  }

  private static List<List<String>> parse(String text, Path file) {
    List<List<String>> records = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        if (field.length() > 0 || wasQuoted) {
          throw new IllegalStateException(file + ": a quote inside an unquoted field near character " + i);
        }
        quoted = true;
        wasQuoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        wasQuoted = false;
      } else if (c == '\n') {
        fields.add(field.toString());
        field.setLength(0);
        wasQuoted = false;
        records.add(fields);
        fields = new ArrayList<>();
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      throw new IllegalStateException(file + " ends inside a quoted field");
    }
    return records;
  }
}
