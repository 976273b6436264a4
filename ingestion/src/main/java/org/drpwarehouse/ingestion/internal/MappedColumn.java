package org.drpwarehouse.ingestion.internal;

import org.drpwarehouse.schemas.YamlNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.poi.ss.util.CellReference;
import org.drpwarehouse.ingestion.SourceFileException;

/**
 * One column a tracker mapping reads, as the mapping names it: by its header text (matched ignoring
 * case and spaces) or by its column letter. Knows where in the mapping it was written, so that a
 * header missing from the sheet is reported at that field.
 *
 * @param file the mapping file's name
 * @param path the field that names the column ({@code stages[1].response})
 * @param header the header text, or null when given by letter
 * @param letter the column letter ({@code F}), or null when given by header
 */
record MappedColumn(String file, String path, String header, String letter) {
  private static final Pattern LETTERS = Pattern.compile("[A-Z]{1,3}");
  /** The last column of an .xlsx sheet. */
  private static final int MAX_COLUMN = CellReference.convertColStringToIndex("XFD");

  /** Reads {@code Header text}, {@code {header: Header text}} or {@code {letter: F}}. */
  static MappedColumn parse(YamlNode node) {
    if (!node.isObject()) {
      return new MappedColumn(node.file(), node.path(), node.text(), null);
    }
    if (node.has("letter") == node.has("header")) {
      throw node.error("must give either a header text or a column letter",
          "write the header text (Alert ref), or {letter: F} for a column by its letter");
    }
    node.keys(List.of(), List.of("letter", "header"));
    if (node.has("header")) {
      return new MappedColumn(node.file(), node.path(), node.get("header").text(), null);
    }
    String letter = node.get("letter").text().toUpperCase(Locale.ROOT);
    if (!LETTERS.matcher(letter).matches() || CellReference.convertColStringToIndex(letter) > MAX_COLUMN) {
      throw node.get("letter").error("'" + letter + "' is not a column letter", "write the letter Excel shows, A to XFD");
    }
    return new MappedColumn(node.file(), node.path(), null, letter);
  }

  /** Header text as compared: lower case, every space and line break removed. */
  static String normalize(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c))
        .forEach(c -> out.appendCodePoint(Character.toLowerCase(c)));
    return out.toString();
  }

  /**
   * The 0-based index of the column in the sheet.
   *
   * @param headers the header row's labels by 0-based column index
   */
  int resolve(SheetTable.Header headers) {
    if (letter != null) {
      return CellReference.convertColStringToIndex(letter);
    }
    String wanted = normalize(header);
    List<Integer> matches = new ArrayList<>();
    for (Map.Entry<Integer, String> label : headers.labels().entrySet()) {
      if (normalize(label.getValue()).equals(wanted)) {
        matches.add(label.getKey());
      }
    }
    if (matches.size() == 1) {
      return matches.get(0);
    }
    String where = "row " + headers.row() + " of sheet '" + headers.sheet() + "'";
    if (matches.isEmpty()) {
      throw error("header '" + header + "' is not in " + where,
          "use one of the sheet's headers: " + headers.describe() + "; or give the column by letter, {letter: F}");
    }
    List<String> letters = matches.stream().map(CellReference::convertNumToColString).toList();
    throw error("header '" + header + "' names " + matches.size() + " columns of " + where + " (" + String.join(", ", letters) + ")",
        "give the column by its letter instead, e.g. {letter: " + letters.get(0) + "}");
  }

  SourceFileException error(String problem, String fix) {
    return new SourceFileException(file + ": " + path, problem, fix);
  }

  /** How the mapping names it, for messages. */
  String describe() {
    return letter != null ? "column " + letter : "'" + header + "'";
  }
}
