package org.drpwarehouse.schemas.policy;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.drpwarehouse.schemas.DrpUserException;

/**
 * A small RFC 4180 reader for the warehouse's own configuration CSVs (a few hundred lines at most,
 * so the text is read whole): quoted fields may hold commas, doubled quotes and line breaks. Each
 * record keeps the line it starts on, for error messages.
 */
final class CsvTable {
  /** One record: the 1-based line of the file it starts on, and its fields. */
  record Line(int number, List<String> fields) {}

  private CsvTable() {}

  /** Every record; blank lines are skipped; a leading byte order mark is ignored; CRLF or LF. */
  static List<Line> read(Reader in, String fileName) {
    String text;
    try {
      StringBuilder all = new StringBuilder();
      char[] buffer = new char[8192];
      for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
        all.append(buffer, 0, n);
      }
      text = all.toString();
    } catch (IOException e) {
      throw new DrpUserException(fileName, "cannot be read (" + e.getMessage() + ")", "check the file", e);
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<Line> records = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int line = 1;
    int recordStart = 1;
    int i = 0;
    while (i <= text.length()) {
      boolean end = i == text.length();
      char ch = end ? '\n' : text.charAt(i);
      if (ch == '"' && field.length() == 0) {
        // A quoted field: runs to the next quote not doubled.
        int quoteLine = line;
        i++;
        while (true) {
          if (i >= text.length()) {
            throw new DrpUserException(fileName + " line " + quoteLine, "a quoted field is never closed",
                "add the closing quote");
          }
          char q = text.charAt(i);
          if (q == '"') {
            if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
              field.append('"');
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (q == '\n') {
            line++;
          }
          field.append(q);
          i++;
        }
        // After the closing quote only a separator, a line end or the end of the file may follow.
        if (i < text.length() && ",\r\n".indexOf(text.charAt(i)) < 0) {
          throw new DrpUserException(fileName + " line " + line, "text follows the closing quote of a field",
              "quote the whole field and double any quote inside it (\"\")");
        }
        continue;
      }
      if (ch == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else if (ch == '\n') {
        fields.add(field.toString());
        field.setLength(0);
        boolean blank = fields.size() == 1 && fields.get(0).isBlank();
        if (!blank) {
          records.add(new Line(recordStart, List.copyOf(fields)));
        }
        fields.clear();
        line++;
        recordStart = line;
      } else if (ch == '"') {
        throw new DrpUserException(fileName + " line " + line, "a quote appears inside an unquoted field",
            "quote the whole field and double any quote inside it (\"\")");
      } else if (ch != '\r') {
        field.append(ch);
      }
      i++;
    }
    return records;
  }

  /** RFC 4180: quote a field holding a comma, quote or line break, doubling inner quotes. */
  static String quote(String field) {
    if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
      return field;
    }
    return '"' + field.replace("\"", "\"\"") + '"';
  }
}
