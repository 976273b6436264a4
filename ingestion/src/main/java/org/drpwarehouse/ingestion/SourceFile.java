package org.drpwarehouse.ingestion;

import java.nio.file.Path;
import java.util.Objects;
import org.drpwarehouse.schemas.RecordSpec;

/**
 * One file of an extract, matched to its contract.
 *
 * @param path the file
 * @param name the file's name relative to the folder given to {@code drp ingest}, as lineage shows it;
 *     unique per source file (a tracker workbook gives {@code trackers/alerts.xlsx#disputes} and
 *     {@code trackers/alerts.xlsx#dispute_events})
 * @param spec the contract its records follow
 * @param format CSV, JSON Lines, a tracker workbook or a database query
 * @param jdbc for a database source, the query and the window of rows this run pulls; else null
 * @param authority the authority the file belongs to: from the manifest or {@code --authority} for
 *     SSDA903; for exchange files the default when a row leaves its own column empty is none (the
 *     row's {@code authority} column is required)
 * @param fullSnapshot the file holds every record of its kind of its authority (an SSDA903 file of an
 *     extract whose manifest says {@code ssda903_snapshot: true}): a record an earlier load gave that
 *     it no longer holds is marked deleted
 */
public record SourceFile(
    Path path, String name, RecordSpec spec, Format format, SourceKind kind, String authority, JdbcWindow jdbc,
    boolean fullSnapshot) {
  public enum Format {
    CSV,
    JSON_LINES,
    /** An alert tracker workbook, read through its column mapping ({@code NAME.mapping.yaml} beside it). */
    TRACKER_XLSX,
    /** A query of a case-management database; {@link #jdbc()} says which rows. */
    JDBC_QUERY
  }

  /** A file source that only adds and updates records. */
  public SourceFile(Path path, String name, RecordSpec spec, Format format, SourceKind kind, String authority) {
    this(path, name, spec, format, kind, authority, null, false);
  }

  /** A database query. */
  public SourceFile(String name, RecordSpec spec, String authority, JdbcWindow jdbc) {
    this(null, name, spec, Format.JDBC_QUERY, SourceKind.JDBC, authority, jdbc, false);
  }

  public SourceFile {
    if (format == Format.JDBC_QUERY) {
      Objects.requireNonNull(jdbc, "jdbc");
    } else {
      Objects.requireNonNull(path, "path");
    }
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(kind, "kind");
    if (fullSnapshot && jdbc != null) {
      throw new IllegalArgumentException("A database query is not a file snapshot: a full pull marks deletions itself");
    }
  }
}
