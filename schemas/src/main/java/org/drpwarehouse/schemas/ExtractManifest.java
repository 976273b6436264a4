package org.drpwarehouse.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * The small file that says which authority an extract folder belongs to ({@value #FILE_NAME}).
 * SSDA903 files carry no authority code, so a folder of them needs either this manifest or {@code
 * --authority}.
 *
 * <pre>
 * # drp-extract.yaml
 * authority: "381"              # required: the DfE LA number used in the exchange files
 * authority_name: Calderdale    # optional
 * extract_date: 2025-03-31      # optional: the day the extract was taken
 * ssda903_snapshot: true        # optional, default false: the SSDA903 files hold the authority's whole record
 * </pre>
 *
 * @param ssda903Snapshot the extract's SSDA903 files hold every record of the authority as at the
 *     extract (every child, episode and review, all years), so a record an earlier load gave that a
 *     file of this extract no longer holds was deleted at source: ingestion marks it deleted in
 *     bronze. Without it each file only adds and updates records.
 */
public record ExtractManifest(String authority, String authorityName, LocalDate extractDate, boolean ssda903Snapshot) {
  public static final String FILE_NAME = "drp-extract.yaml";
  static final String SNAPSHOT = "ssda903_snapshot";

  public ExtractManifest {
    Objects.requireNonNull(authority, "authority");
    if (authority.isBlank()) {
      throw new IllegalArgumentException("Cannot use a blank authority code");
    }
    authorityName = authorityName == null ? "" : authorityName;
  }

  public Optional<LocalDate> extractDateIfKnown() {
    return Optional.ofNullable(extractDate);
  }

  /** Reads a manifest; {@code name} is used in error messages. */
  public static ExtractManifest read(InputStream in, String name) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(in);
    } catch (IOException e) {
      throw new DrpUserException(name, "is not readable YAML (" + e.getMessage() + ")",
          "write it as in the example in docs/file-formats.md", e);
    }
    if (root == null || !root.isObject()) {
      throw new DrpUserException(name, "is empty or not a mapping", "give at least authority: \"<LA code>\"");
    }
    String authority = root.path("authority").asText("").trim();
    if (authority.isEmpty()) {
      throw new DrpUserException(name + ": authority", "is missing", "give the DfE LA number, e.g. authority: \"381\"");
    }
    LocalDate extractDate = null;
    String date = root.path("extract_date").asText("").trim();
    if (!date.isEmpty()) {
      try {
        extractDate = LocalDate.parse(date);
      } catch (DateTimeParseException e) {
        throw new DrpUserException(name + ": extract_date", "'" + date + "' is not an ISO date",
            "write it as YYYY-MM-DD", e);
      }
    }
    JsonNode snapshot = root.path(SNAPSHOT);
    if (!snapshot.isMissingNode() && !snapshot.isNull() && !snapshot.isBoolean()) {
      throw new DrpUserException(name + ": " + SNAPSHOT, "'" + snapshot.asText() + "' is not true or false",
          "write " + SNAPSHOT + ": true when the SSDA903 files hold the authority's whole record, else leave it out");
    }
    return new ExtractManifest(authority, root.path("authority_name").asText(""), extractDate, snapshot.asBoolean(false));
  }

  /** Writes the manifest in the documented layout. */
  public void write(Writer out) {
    try {
      out.write("# Which authority this extract belongs to (SSDA903 files carry no authority code).\n");
      out.write("authority: \"" + authority + "\"\n");
      if (!authorityName.isEmpty()) {
        out.write("authority_name: \"" + authorityName.replace("\"", "'") + "\"\n");
      }
      if (extractDate != null) {
        out.write("extract_date: " + extractDate + "\n");
      }
      if (ssda903Snapshot) {
        out.write("# The SSDA903 files hold the authority's whole record: a record missing from them was deleted.\n");
        out.write(SNAPSHOT + ": true\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
