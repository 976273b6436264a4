package org.drpwarehouse.dashboards.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What the printable documents (annual report, audit pack, outstanding list) share: their style
 * sheet, inlined so that one HTML file opens and prints on its own; the small script that marks
 * the page drawn and counts script and loading errors (a browser test reads {@code data-ready} and
 * {@code data-errors}); HTML escaping and RFC 4180 CSV.
 */
public final class Documents {
  private Documents() {}

  private static final String CSS = "org/drpwarehouse/dashboards/report/print.css";

  /** The head of a page: charset, title, inlined style, and the error counter. */
  public static String head(String title) {
    return "<!DOCTYPE html>\n<html lang=\"en-GB\" data-errors=\"0\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<title>" + SitePages.html(title) + "</title>\n<style>\n" + resource(CSS) + "</style>\n"
        + "<script>\n(function () {\n  var errors = 0;\n  function count() {\n    errors++;\n"
        + "    document.documentElement.setAttribute('data-errors', String(errors));\n  }\n"
        + "  window.addEventListener('error', count, true);\n  var original = console.error;\n"
        + "  console.error = function () { count(); original.apply(console, arguments); };\n"
        + "  window.addEventListener('load', function () {\n"
        + "    document.documentElement.setAttribute('data-ready', 'true');\n  });\n})();\n</script>\n</head>\n";
  }

  public static String html(String text) {
    return SitePages.html(text == null ? "" : text);
  }

  /** One CSV file: a header row, then the rows; values quoted where they hold a comma, quote or line break. */
  public static String csv(List<String> header, List<List<String>> rows) {
    StringBuilder out = new StringBuilder();
    line(out, header);
    for (List<String> row : rows) {
      line(out, row);
    }
    return out.toString();
  }

  private static void line(StringBuilder out, List<String> values) {
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      String v = values.get(i) == null ? "" : values.get(i);
      if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
        out.append('"').append(v.replace("\"", "\"\"")).append('"');
      } else {
        out.append(v);
      }
    }
    out.append('\n');
  }

  public static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String resource(String path) {
    try (InputStream in = Documents.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("The build lost " + path + " from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
