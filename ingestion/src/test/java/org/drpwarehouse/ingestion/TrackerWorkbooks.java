package org.drpwarehouse.ingestion;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Builds tracker workbooks for tests with POI's usermodel, the way IRO services keep them: a title
 * and merged group headers above the real header, hidden columns, dates typed as text and real date
 * cells side by side, blank cells for stages not reached, a totals row, a look-up sheet.
 *
 * <p>The wide and the long tracker hold the same four alerts:
 *
 * <ul>
 *   <li>A-001 raised informally on 3 May 2024 and resolved there, closed 10 May;
 *   <li>A-002 raised informally on 3 May, escalated to stage 2 (team manager) on 13 May, answered
 *       20 May, escalated to stage 3 (head of service) on 28 May: still open;
 *   <li>A-003 raised straight at stage 2 on 3 June, answered 7 June, stage 3 on 10 June, answered 14
 *       June, referred to Cafcass and closed 20 June;
 *   <li>A-004 raised informally on 1 July and withdrawn on 5 July.
 * </ul>
 */
final class TrackerWorkbooks {
  /** A cell holding an Excel error. */
  static final Object REF_ERROR = FormulaError.REF;

  private TrackerWorkbooks() {}

  static final String FREE_TEXT = "Placement drift: carer says the child is unhappy";

  /** The wide tracker's header row (row 3), column A first; A3 is blank, under "Alert ref" merged down from A2. */
  static final String[] WIDE_HEADER = {
    null, "Child ID", "IRO", "Date raised", "Category", "Team", "Concern summary", "Informal: date raised",
    "Informal: outcome", "Stage 2 sent", "Stage 2 to (TM)", "Stage 2 response due", "Stage 2 response received",
    "Stage 3 sent", "Stage 3 to (HoS)", "Stage 3 response received", "Cafcass referral", "Date closed", "Outcome", "RAG"
  };

  static final String WIDE_MAPPING = """
      # The Alerts sheet: title in row 1, group headers in row 2, the real header in row 3.
      sheet: Alerts
      header_row: 3
      shape: wide
      policy: iro-alerts-five-stage
      date_formats: [dd/MM/yyyy, d.M.yy]
      columns:
        alert_id: Alert ref
        child_id: Child ID
        iro: IRO
        category: Category
        team: team          # case and spaces do not matter
        date_raised: Date raised
        cafcass_referral: Cafcass referral
        closed_date: Date closed
        outcome: Outcome
      stages:
        - stage: informal
          opened: "Informal: date raised"
          outcome: "Informal: outcome"
        - stage: stage2
          opened: Stage 2 sent
          responder: Stage 2 to (TM)
          due: Stage 2 response due
          response: Stage 2 response received
        - stage: stage3
          opened: Stage 3 sent
          responder: {letter: O}
          response: Stage 3 response received
      roles:
        TM: TEAM_MANAGER
        HoS: HEAD_OF_SERVICE
      outcomes:
        Escalated: CONTINUED
        Referred to Cafcass: REFERRED_TO_CAFCASS
      skip:
        when:
          - column: Alert ref
            equals: [Total]
      """;

  static final String LONG_MAPPING = """
      sheet: 1
      header_row: 1
      shape: long
      date_formats: [dd/MM/yyyy, d.M.yy]
      columns:
        alert_id: Ref
        child_id: Child
        iro: IRO
        category: Category
        team: Team
        cafcass_referral: Cafcass referral
        closed_date: Date closed
        outcome: Outcome
      steps:
        stage: Stage
        opened: Date sent
        responder: Sent to
        response: Response date
        outcome: Satisfied? (Y/N)
      stage_labels:
        Informal: informal
        Stage 2 - TM: stage2
        DRP2: stage2
        Stage 3 - HoS: stage3
        Level 3: stage3
      roles:
        TM: TEAM_MANAGER
        HoS: HEAD_OF_SERVICE
      """;

  /** Writes the wide tracker, with cells replaced by {@code changes} ({@code "J5" -> "31/02/2024"}). */
  static void wide(Path file, Map<String, Object> changes) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      Sheet sheet = workbook.createSheet("Alerts");
      CellStyle date = dateStyle(workbook);
      put(sheet, date, 1, "IRO alert tracker 2024-25");
      sheet.addMergedRegion(CellRangeAddress.valueOf("A1:F1"));
      put(sheet, date, 2, "Alert ref", null, null, null, null, null, null, "Informal", null, "Stage 2", null, null, null,
          "Stage 3", null, null, "Ending");
      sheet.addMergedRegion(CellRangeAddress.valueOf("A2:A3")); // the id's header is merged down into the header row
      sheet.addMergedRegion(CellRangeAddress.valueOf("H2:I2"));
      sheet.addMergedRegion(CellRangeAddress.valueOf("J2:M2"));
      sheet.addMergedRegion(CellRangeAddress.valueOf("N2:P2"));
      sheet.addMergedRegion(CellRangeAddress.valueOf("Q2:S2"));
      put(sheet, date, 3, (Object[]) WIDE_HEADER);
      put(sheet, date, 4, "A-001", "C-1001", "IRO-07", "03/05/2024", "DRIFT", "CiC 1", FREE_TEXT, "03/05/2024", "Resolved",
          null, null, null, null, null, null, null, null, LocalDate.of(2024, 5, 10), "Resolved", "G");
      put(sheet, date, 5, "A-002", "C-1002", "IRO-03", "3.5.24", "VISITS", "CiC 2", "Visits overdue", "3.5.24", "Escalated",
          LocalDate.of(2024, 5, 13), "TM", null, "20/05/2024", "28/05/2024", "HoS", null, null, null, null, "A");
      put(sheet, date, 6, "A-003", 1003, "IRO-07", LocalDate.of(2024, 6, 3), "PLAN", "CiC 1", "No plan", null, null,
          LocalDate.of(2024, 6, 3), "Team manager", null, LocalDate.of(2024, 6, 7), "10/06/2024", "HoS", "14/06/2024",
          "20/06/2024", LocalDate.of(2024, 6, 20), "Referred to Cafcass", "R");
      // row 7 is left blank
      put(sheet, date, 8, "A-004", "C-1004", "IRO-03", "01/07/2024", "CONTACT", "CiC 2", null, "01/07/2024", null,
          null, null, null, null, null, null, null, null, "05/07/2024", "Withdrawn", "G");
      put(sheet, date, 9, "Total", 4.0);
      // Response due is a formula the importer never trusts.
      sheet.getRow(5).createCell(11).setCellFormula("J6+5");
      sheet.setColumnHidden(5, true); // Team: hidden, still read
      sheet.setColumnHidden(19, true); // RAG: hidden and not mapped
      change(sheet, date, changes);
      lookups(workbook);
      save(workbook, file);
    }
  }

  /** Writes the long tracker holding the same alerts as {@link #wide}; A-002's last step is out of order. */
  static void longShape(Path file, Map<String, Object> changes) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      Sheet sheet = workbook.createSheet("Escalations");
      CellStyle date = dateStyle(workbook);
      put(sheet, date, 1, "Ref", "Child", "IRO", "Category", "Team", "Stage", "Date sent", "Sent to", "Response date",
          "Satisfied? (Y/N)", "Cafcass referral", "Date closed", "Outcome", "Notes");
      put(sheet, date, 2, "A-001", "C-1001", "IRO-07", "DRIFT", "CiC 1", "Informal", "03/05/2024", null, null, "Y", null,
          LocalDate.of(2024, 5, 10), "Resolved", FREE_TEXT);
      put(sheet, date, 3, "A-002", "C-1002", "IRO-03", "VISITS", "CiC 2", "Informal", "3.5.24", null, null, "N");
      put(sheet, date, 4, "A-002", null, null, null, null, "Stage 2 - TM", LocalDate.of(2024, 5, 13), "TM", "20/05/2024", "N");
      put(sheet, date, 5, "A-003", 1003, "IRO-07", "PLAN", "CiC 1", "DRP2", LocalDate.of(2024, 6, 3), "Team manager",
          LocalDate.of(2024, 6, 7), "N");
      put(sheet, date, 6, "A-003", 1003, "IRO-07", "PLAN", "CiC 1", "Level 3", "10/06/2024", "HoS", "14/06/2024", "N",
          "20/06/2024", LocalDate.of(2024, 6, 20), "Referred to Cafcass");
      put(sheet, date, 7, "A-004", "C-1004", "IRO-03", "CONTACT", "CiC 2", "Informal", "01/07/2024", null, null, null, null,
          "05/07/2024", "Withdrawn");
      put(sheet, date, 8, "A-002", "C-1002", null, null, null, "Stage 3 - HoS", "28/05/2024", "HoS");
      change(sheet, date, changes);
      lookups(workbook);
      save(workbook, file);
    }
  }

  private static void change(Sheet sheet, CellStyle date, Map<String, Object> changes) {
    for (Map.Entry<String, Object> change : changes.entrySet()) {
      CellReference ref = new CellReference(change.getKey());
      Row row = sheet.getRow(ref.getRow()) == null ? sheet.createRow(ref.getRow()) : sheet.getRow(ref.getRow());
      set(row.createCell(ref.getCol()), change.getValue(), date);
    }
  }

  static void writeMapping(Path file, String yaml) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
  }

  private static void lookups(Workbook workbook) {
    Sheet lists = workbook.createSheet("Lists");
    String[][] rows = {{"Category", "Team"}, {"DRIFT", "CiC 1"}, {"VISITS", "CiC 2"}, {"PLAN", ""}, {"CONTACT", ""}};
    for (int i = 0; i < rows.length; i++) {
      Row row = lists.createRow(i);
      row.createCell(0).setCellValue(rows[i][0]);
      row.createCell(1).setCellValue(rows[i][1]);
    }
  }

  private static CellStyle dateStyle(Workbook workbook) {
    CellStyle style = workbook.createCellStyle();
    style.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
    return style;
  }

  /** Fills a row (1-based, as Excel shows it) from column A; null leaves a cell blank. */
  private static void put(Sheet sheet, CellStyle date, int rowNumber, Object... values) {
    Row row = sheet.createRow(rowNumber - 1);
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null) {
        set(row.createCell(i), values[i], date);
      }
    }
  }

  private static void set(Cell cell, Object value, CellStyle date) {
    if (value instanceof LocalDate day) {
      cell.setCellValue(day);
      cell.setCellStyle(date);
    } else if (value instanceof Number number) {
      cell.setCellValue(number.doubleValue());
    } else if (value instanceof Boolean flag) {
      cell.setCellValue(flag);
    } else if (value instanceof FormulaError error) {
      cell.setCellErrorValue(error.getCode());
    } else {
      cell.setCellValue(String.valueOf(value));
    }
  }

  private static void save(Workbook workbook, Path file) throws IOException {
    Files.createDirectories(file.getParent());
    try (OutputStream out = Files.newOutputStream(file)) {
      workbook.write(out);
    }
  }
}
