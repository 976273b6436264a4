package org.drpwarehouse.ingestion.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.drpwarehouse.ingestion.RawRecord;
import org.drpwarehouse.ingestion.SourceFile;
import org.drpwarehouse.ingestion.SourceFileException;
import org.drpwarehouse.schemas.ExchangeFormat;
import org.drpwarehouse.schemas.ExtractManifest;

/**
 * Reads an alert tracker workbook as {@code disputes} or {@code dispute_events} records, through the
 * column mapping beside it ({@code alerts.xlsx} with {@code alerts.mapping.yaml}); see {@code
 * docs/trackers.md}. The extract scan makes two source files of each workbook, one per record kind,
 * and each reads the workbook on its own.
 *
 * <p>Opening reads the mapping and the sheet into alerts; records are made from them alert by alert
 * as they are read, always in the same order, so a restart can {@link #skip} to where it stopped.
 * Holding the alerts is cheap: the sheet is streamed and only its mapped cells are kept (a tracker
 * has hundreds to a few thousand rows; 50,000 rows read in a few seconds).
 *
 * <p>Each record's {@code line} is the sheet row it comes from, as Excel numbers it (a long tracker's
 * dispute: the alert's first row); its text is that row's mapped cells as read. A cell the mapping
 * says to read and that cannot be read makes its record's structure error ({@code tracker.cell}), so
 * the record is quarantined with the sheet, cell, header and reason.
 *
 * <p>The whole file fails ({@link SourceFileException}) when there is no mapping beside it, when the
 * mapping is wrong or does not fit the sheet, when no authority is known, or when the workbook cannot
 * be read (not a zip, encrypted, an .xls, no such sheet).
 */
final class TrackerRecordSource implements RecordSource {
  private final List<TrackerAlert> alerts;
  private final Function<TrackerAlert, List<RawRecord>> recordsOf;
  private int nextAlert;
  private List<RawRecord> pending = List.of();
  private int nextPending;
  private long position;

  TrackerRecordSource(SourceFile source) {
    if (source.spec() != ExchangeFormat.DISPUTES && source.spec() != ExchangeFormat.DISPUTE_EVENTS) {
      throw new IllegalArgumentException("A tracker workbook gives disputes and dispute_events, not " + source.spec().name());
    }
    String workbookName = workbookName(source.name());
    Path mappingFile = TrackerFiles.mappingFileFor(source.path());
    String mappingName = TrackerFiles.mappingNameFor(workbookName);
    if (!Files.isRegularFile(mappingFile)) {
      throw new SourceFileException(workbookName, "is an alert tracker workbook with no column mapping beside it",
          "write " + mappingName + " saying which sheet, header row and columns hold the alerts (see docs/trackers.md); "
              + "nothing from this workbook was loaded");
    }
    TrackerMapping mapping = TrackerMapping.load(mappingFile, mappingName);
    String authority = mapping.authority != null ? mapping.authority : source.authority();
    if (authority == null || authority.isBlank()) {
      throw new SourceFileException(mappingName, "names no authority, and the extract gives none",
          "add authority: \"CODE\" (the DfE LA number) to " + mappingName + ", or put a " + ExtractManifest.FILE_NAME
              + " in the extract folder, or give --authority");
    }
    AtomicReference<Map<MappedColumn, Integer>> placed = new AtomicReference<>();
    SheetTable table = new XlsxSheetReader(source.path(), workbookName, mappingName)
        .read(mapping.sheet, mapping.headerRow, header -> {
          placed.set(mapping.resolve(header));
          Set<Integer> kept = new HashSet<>();
          for (MappedColumn column : mapping.allColumns()) {
            if (!isDueColumn(mapping, column)) {
              kept.add(placed.get().get(column));
            }
          }
          return kept;
        });
    TrackerCells cells = new TrackerCells(mapping, table.header(), placed.get());
    this.alerts = mapping.shape == TrackerMapping.Shape.WIDE
        ? WideTracker.alerts(table, mapping, cells)
        : LongTracker.alerts(table, mapping, cells);
    TrackerRecords records = new TrackerRecords(authority, mapping.process);
    this.recordsOf = source.spec() == ExchangeFormat.DISPUTES ? alert -> List.of(records.dispute(alert)) : records::events;
  }

  /** {@code trackers/alerts.xlsx#disputes} is a record kind of workbook {@code trackers/alerts.xlsx}. */
  static String workbookName(String sourceName) {
    int hash = sourceName.lastIndexOf('#');
    return hash < 0 ? sourceName : sourceName.substring(0, hash);
  }

  /** Due columns are described by the mapping but never read: due dates are recomputed from the policy. */
  private static boolean isDueColumn(TrackerMapping mapping, MappedColumn column) {
    for (TrackerMapping.StageBlock block : mapping.stages) {
      if (column.equals(block.column(TrackerMapping.StepField.DUE))) {
        return true;
      }
    }
    return column.equals(mapping.steps.get(TrackerMapping.StepField.DUE));
  }

  @Override
  public RawRecord next() {
    while (nextPending >= pending.size()) {
      if (nextAlert >= alerts.size()) {
        return null;
      }
      pending = recordsOf.apply(alerts.get(nextAlert++));
      nextPending = 0;
    }
    position++;
    return pending.get(nextPending++);
  }

  @Override
  public long position() {
    return position;
  }

  @Override
  public void close() {
    // everything was read and the workbook closed when the source opened
  }
}
