package org.drpwarehouse.ingestion.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.drpwarehouse.schemas.ExchangeFormat;
import org.drpwarehouse.schemas.RecordSpec;

/**
 * How an alert tracker workbook and its mapping sit in an extract: {@code alerts.xlsx} is read with
 * {@code alerts.mapping.yaml} beside it, and gives one source file per record kind. Public only for
 * the extract scan in the ingestion package.
 */
public final class TrackerFiles {
  /** The end of a mapping file's name. */
  public static final String MAPPING_SUFFIX = ".mapping.yaml";

  /** The record kinds a workbook gives, in load order (disputes before their events). */
  public static final List<RecordSpec> RECORDS = List.of(ExchangeFormat.DISPUTES, ExchangeFormat.DISPUTE_EVENTS);

  private TrackerFiles() {}

  /** The mapping file beside a workbook. */
  public static Path mappingFileFor(Path workbook) {
    return workbook.resolveSibling(mappingNameFor(workbook.getFileName().toString()));
  }

  /** The mapping's name for a workbook's name: {@code trackers/alerts.xlsx} to {@code trackers/alerts.mapping.yaml}. */
  public static String mappingNameFor(String workbookName) {
    int dot = workbookName.lastIndexOf('.');
    int slash = workbookName.lastIndexOf('/');
    String base = dot > slash ? workbookName.substring(0, dot) : workbookName;
    return base + MAPPING_SUFFIX;
  }

  /**
   * The authority a workbook's mapping names, read leniently for the extract scan: empty when the
   * mapping is missing, unreadable or names none (reading the workbook then says what is wrong).
   */
  public static Optional<String> declaredAuthority(Path workbook) {
    Path mapping = mappingFileFor(workbook);
    if (!Files.isRegularFile(mapping)) {
      return Optional.empty();
    }
    try (InputStream in = Files.newInputStream(mapping)) {
      JsonNode authority = new ObjectMapper(new YAMLFactory()).readTree(in).path("authority");
      if (authority.isValueNode() && !authority.asText().isBlank()) {
        return Optional.of(authority.asText().strip());
      }
    } catch (IOException | RuntimeException e) {
      // reported in full when the workbook is read
    }
    return Optional.empty();
  }
}
