package org.drpwarehouse.dashboards.superset;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** The board bundle the tests build, and ZIP helpers to read it back and to break it on purpose. */
final class Bundles {
  static final Instant PUBLISHED_AT = Instant.parse("2024-06-28T17:30:00Z");
  static final SupersetConnection CONNECTION =
      new SupersetConnection("DRP serving", "db.internal", 5432, "drp", "superset_reader", "drp_board");

  private Bundles() {}

  static SupersetBundle board() {
    return SupersetBundle.board(CONNECTION, "2024-06-28.1", PUBLISHED_AT);
  }

  /** Every entry of a ZIP by its full name, as text. */
  static Map<String, String> entries(byte[] zip) {
    Map<String, String> entries = new TreeMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return entries;
  }

  /** A ZIP of {@code entries} (full names) as given. */
  static byte[] zip(Map<String, String> entries) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
      for (Map.Entry<String, String> entry : entries.entrySet()) {
        out.putNextEntry(new ZipEntry(entry.getKey()));
        out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** The board bundle's files (inside the root) as parsed YAML, to change and {@link #rezip}. */
  static Map<String, Map<String, Object>> parsed(BundleKind kind) {
    Map<String, Map<String, Object>> parsed = new TreeMap<>();
    board().files(kind).forEach((path, text) -> {
      try {
        parsed.put(path, Yaml.read(text));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    return parsed;
  }

  static byte[] rezip(Map<String, Map<String, Object>> files) {
    Map<String, String> entries = new TreeMap<>();
    files.forEach((path, doc) -> entries.put(board().rootFolder() + "/" + path, Yaml.write(doc)));
    return zip(entries);
  }
}
