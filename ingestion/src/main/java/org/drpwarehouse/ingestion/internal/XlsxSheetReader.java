package org.drpwarehouse.ingestion.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.drpwarehouse.ingestion.SourceFileException;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads one sheet of an {@code .xlsx} workbook with POI's streaming API ({@link XSSFReader} and a
 * SAX handler over the sheet's XML), so a workbook is never loaded whole: only the shared strings,
 * the cell styles, the rows down to the header row, and the mapped cells of the data rows are held.
 *
 * <p>Two passes over the sheet's XML: the first collects the merged regions (Excel writes them after
 * the cells), the second the cells. A merged cell's value stands for every cell of its region: a
 * header merged down from the row above the header row is that column's header, and an alert id
 * merged down over a long tracker's rows belongs to each of them.
 *
 * <p>Dates: a number whose cell format is a date format is a real date, whatever the mapping's text
 * formats say; the workbook's 1900 or 1904 date system is respected.
 */
final class XlsxSheetReader {
  private static final Pattern CELL_REF = Pattern.compile("([A-Z]{1,3})([0-9]+)");
  private static final Pattern PLAIN_SHEET_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");

  /** Which sheet to read: by name (compared ignoring case), else by 1-based position. */
  record SheetChoice(String name, int index) {
    String describe() {
      return name != null ? "'" + name + "'" : "number " + index;
    }
  }

  private final Path workbook;
  private final String name;
  private final String mappingName;

  /**
   * @param workbook the file
   * @param name the workbook's name in messages
   * @param mappingName the mapping file's name, for the fix of a missing sheet
   */
  XlsxSheetReader(Path workbook, String name, String mappingName) {
    this.workbook = workbook;
    this.name = name;
    this.mappingName = mappingName;
  }

  /**
   * Reads a sheet.
   *
   * @param columns given the header row, the 0-based columns to keep from the data rows; may throw
   *     a {@link SourceFileException} when the mapping does not fit the sheet
   */
  SheetTable read(SheetChoice sheet, int headerRow, Function<SheetTable.Header, Set<Integer>> columns) {
    checkFileKind();
    OPCPackage pkg;
    try {
      pkg = OPCPackage.open(workbook.toFile(), PackageAccess.READ);
    } catch (OpenXML4JException | RuntimeException e) {
      throw unreadable(e);
    }
    try {
      XSSFReader reader = new XSSFReader(pkg);
      reader.setUseReadOnlySharedStringsTable(true);
      boolean date1904 = date1904(reader);
      PackagePart part = null;
      String sheetName = null;
      List<String> names = new ArrayList<>();
      XSSFReader.SheetIterator sheets = reader.getSheetIterator();
      while (sheets.hasNext()) {
        sheets.next().close();
        String candidate = sheets.getSheetName();
        names.add("'" + candidate + "'");
        boolean match = sheet.name() != null
            ? candidate.trim().equalsIgnoreCase(sheet.name().trim())
            : names.size() == sheet.index();
        if (match && part == null) {
          part = sheets.getSheetPart();
          sheetName = candidate;
        }
      }
      if (part == null) {
        throw new SourceFileException(name, "has no sheet " + sheet.describe() + " (its sheets: " + String.join(", ", names) + ")",
            "set 'sheet:' in " + mappingName + " to the name or number of the sheet that holds the alerts");
      }
      List<CellRangeAddress> merged = mergedRegions(part);
      CellsHandler cells =
          new CellsHandler(sheetName, headerRow, columns, merged, reader.getSharedStringsTable(), reader.getStylesTable(), date1904);
      parse(part, cells);
      return cells.table();
    } catch (SourceFileException e) {
      throw e;
    } catch (IOException | OpenXML4JException | SAXException | RuntimeException e) {
      throw unreadable(e);
    } finally {
      pkg.revert(); // opened read-only: nothing to save
    }
  }

  /** Refuses what is not an .xlsx package, saying what it is instead. */
  private void checkFileKind() {
    FileMagic magic;
    try (InputStream in = FileMagic.prepareToCheckMagic(new BufferedInputStream(Files.newInputStream(workbook)))) {
      magic = FileMagic.valueOf(in);
    } catch (IOException e) {
      throw new SourceFileException(name, "cannot be read (" + e.getMessage() + ")", "check the file", e);
    }
    if (magic == FileMagic.OOXML) {
      return;
    }
    if (magic == FileMagic.OLE2) {
      boolean encrypted;
      try (POIFSFileSystem fs = new POIFSFileSystem(workbook.toFile(), true)) {
        encrypted = fs.getRoot().hasEntry("EncryptedPackage");
      } catch (IOException | RuntimeException e) {
        encrypted = false;
      }
      if (encrypted) {
        throw new SourceFileException(name, "is password-protected (encrypted), so it cannot be read",
            "save a copy without a password (File > Info > Protect Workbook > Encrypt with Password, clear it) and ingest that");
      }
      throw new SourceFileException(name, "is an Excel 97-2003 workbook (.xls), not an .xlsx workbook",
          "open it in Excel and save it as Excel Workbook (.xlsx)");
    }
    throw new SourceFileException(name, "is not an Excel .xlsx workbook (it is not a zip package; found " + magic + ")",
        "save the tracker from Excel as Excel Workbook (.xlsx)");
  }

  private SourceFileException unreadable(Exception e) {
    String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new SourceFileException(name, "cannot be read as an .xlsx workbook (" + detail + ")",
        "open it in Excel and save it again as Excel Workbook (.xlsx); nothing from this file was loaded", e);
  }

  private static boolean date1904(XSSFReader reader) throws IOException, OpenXML4JException, SAXException {
    boolean[] found = new boolean[1];
    try (InputStream in = reader.getWorkbookData()) {
      parse(in, new DefaultHandler() {
        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
          if (local(localName, qName).equals("workbookPr")) {
            String value = attributes.getValue("date1904");
            found[0] = "1".equals(value) || "true".equalsIgnoreCase(value);
          }
        }
      });
    }
    return found[0];
  }

  private static List<CellRangeAddress> mergedRegions(PackagePart part) throws IOException, SAXException {
    List<CellRangeAddress> regions = new ArrayList<>();
    parse(part, new DefaultHandler() {
      @Override
      public void startElement(String uri, String localName, String qName, Attributes attributes) {
        if (local(localName, qName).equals("mergeCell") && attributes.getValue("ref") != null) {
          regions.add(CellRangeAddress.valueOf(attributes.getValue("ref")));
        }
      }
    });
    return regions;
  }

  private static void parse(PackagePart part, DefaultHandler handler) throws IOException, SAXException {
    try (InputStream in = part.getInputStream()) {
      parse(in, handler);
    }
  }

  private static void parse(InputStream in, DefaultHandler handler) throws IOException, SAXException {
    XMLReader xml;
    try {
      xml = XMLHelper.newXMLReader();
    } catch (javax.xml.parsers.ParserConfigurationException e) {
      throw new IllegalStateException("No SAX parser in this Java runtime", e);
    }
    xml.setContentHandler(handler);
    xml.parse(new InputSource(in));
  }

  private static String local(String localName, String qName) {
    if (localName != null && !localName.isEmpty()) {
      return localName;
    }
    int colon = qName.indexOf(':');
    return colon < 0 ? qName : qName.substring(colon + 1);
  }

  /** Excel's way of naming a cell: {@code Alerts!F12}, or {@code 'Alert log'!F12} for a name with spaces. */
  static String reference(String sheet, int column, long row) {
    String quoted = PLAIN_SHEET_NAME.matcher(sheet).matches() ? sheet : "'" + sheet.replace("'", "''") + "'";
    return quoted + "!" + CellReference.convertNumToColString(column) + row;
  }

  /** The sheet's cells, row by row: the header region whole, then the kept columns of the data rows. */
  private static final class CellsHandler extends DefaultHandler {
    private final String sheet;
    private final int headerRow;
    private final Function<SheetTable.Header, Set<Integer>> chooseColumns;
    private final List<CellRangeAddress> merged;
    private final SharedStrings strings;
    private final StylesTable styles;
    private final boolean date1904;
    private final Map<Integer, Boolean> dateStyles = new HashMap<>();

    /** Rows 1..headerRow, every cell, by row then 0-based column. */
    private final Map<Long, Map<Integer, TrackerCell>> headerRegion = new HashMap<>();
    private final TreeMap<Long, Map<Integer, TrackerCell>> dataRows = new TreeMap<>();
    private SheetTable.Header header;
    private Set<Integer> kept;
    /** Cells outside the kept columns that head a merged region reaching into them. */
    private Set<Long> anchors = Set.of();

    private long row;
    private Map<Integer, TrackerCell> rowCells;
    private int column;
    private String type;
    private String style;
    private final StringBuilder value = new StringBuilder();
    private final StringBuilder inline = new StringBuilder();
    private boolean inValue;
    private boolean inInline;
    private boolean inInlineText;
    private boolean inPhonetic;

    CellsHandler(String sheet, int headerRow, Function<SheetTable.Header, Set<Integer>> chooseColumns,
        List<CellRangeAddress> merged, SharedStrings strings, StylesTable styles, boolean date1904) {
      this.sheet = sheet;
      this.headerRow = headerRow;
      this.chooseColumns = chooseColumns;
      this.merged = merged;
      this.strings = strings;
      this.styles = styles;
      this.date1904 = date1904;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
      switch (local(localName, qName)) {
        case "row" -> {
          String r = attributes.getValue("r");
          row = r != null ? Long.parseLong(r) : row + 1;
          if (row > headerRow) {
            resolveHeader();
          }
          rowCells = new HashMap<>();
          column = -1;
        }
        case "c" -> {
          String r = attributes.getValue("r");
          column = r != null ? CellReference.convertColStringToIndex(letters(r)) : column + 1;
          type = attributes.getValue("t");
          style = attributes.getValue("s");
          value.setLength(0);
          inline.setLength(0);
        }
        case "v" -> inValue = true;
        case "is" -> inInline = true;
        case "rPh" -> inPhonetic = true;
        case "t" -> inInlineText = inInline && !inPhonetic;
        default -> {
          // other elements (formulas, row and sheet properties) carry nothing read here
        }
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (inValue) {
        value.append(ch, start, length);
      } else if (inInlineText) {
        inline.append(ch, start, length);
      }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
      switch (local(localName, qName)) {
        case "v" -> inValue = false;
        case "t" -> inInlineText = false;
        case "rPh" -> inPhonetic = false;
        case "is" -> inInline = false;
        case "c" -> {
          if (row <= headerRow || kept.contains(column) || anchors.contains(key(row, column))) {
            TrackerCell cell = decode();
            if (cell != null) {
              rowCells.put(column, cell);
            }
          }
        }
        case "row" -> {
          if (!rowCells.isEmpty()) {
            (row <= headerRow ? headerRegion : dataRows).put(row, rowCells);
          }
        }
        default -> {
          // nothing to finish
        }
      }
    }

    @Override
    public void endDocument() {
      resolveHeader();
    }

    private void resolveHeader() {
      if (header != null) {
        return;
      }
      SortedMap<Integer, String> labels = new TreeMap<>();
      Map<Integer, TrackerCell> cells = headerRegion.getOrDefault((long) headerRow, Map.of());
      cells.forEach((col, cell) -> labels.put(col, cell.text().strip()));
      // A header cell inside a region merged down from a row above takes that region's text.
      for (CellRangeAddress region : merged) {
        if (region.getFirstRow() + 1 < headerRow && region.getLastRow() + 1 >= headerRow) {
          TrackerCell anchor = headerRegion.getOrDefault((long) region.getFirstRow() + 1, Map.of()).get(region.getFirstColumn());
          for (int col = region.getFirstColumn(); col <= region.getLastColumn() && anchor != null; col++) {
            labels.putIfAbsent(col, anchor.text().strip());
          }
        }
      }
      header = new SheetTable.Header(sheet, headerRow, labels);
      kept = Set.copyOf(chooseColumns.apply(header));
      Set<Long> heads = new HashSet<>();
      for (CellRangeAddress region : merged) {
        if (region.getFirstRow() + 1 > headerRow && !kept.contains(region.getFirstColumn())) {
          for (int col = region.getFirstColumn(); col <= region.getLastColumn(); col++) {
            if (kept.contains(col)) {
              heads.add(key(region.getFirstRow() + 1, region.getFirstColumn()));
              break;
            }
          }
        }
      }
      anchors = heads;
    }

    SheetTable table() {
      long lastRow = dataRows.isEmpty() ? headerRow : dataRows.lastKey();
      // A merged region's value stands for each of its cells in the kept columns.
      for (CellRangeAddress region : merged) {
        long first = region.getFirstRow() + 1L;
        if (first <= headerRow) {
          continue;
        }
        TrackerCell anchor = dataRows.getOrDefault(first, Map.of()).get(region.getFirstColumn());
        if (anchor == null) {
          continue;
        }
        for (long r = first; r <= Math.min(region.getLastRow() + 1L, lastRow); r++) {
          for (int col = region.getFirstColumn(); col <= region.getLastColumn(); col++) {
            if (kept.contains(col)) {
              dataRows.computeIfAbsent(r, k -> new HashMap<>()).putIfAbsent(col, anchor);
            }
          }
        }
      }
      List<SheetTable.Row> rows = new ArrayList<>();
      dataRows.forEach((number, cells) -> {
        Map<Integer, TrackerCell> mapped = new HashMap<>(cells);
        mapped.keySet().retainAll(kept);
        if (!mapped.isEmpty()) {
          rows.add(new SheetTable.Row(number, mapped));
        }
      });
      return new SheetTable(header, rows);
    }

    /** The cell just read, or null when it is blank. */
    private TrackerCell decode() {
      String ref = reference(sheet, column, row);
      String raw = value.toString();
      String t = type == null ? "n" : type;
      switch (t) {
        case "s" -> {
          if (raw.isBlank()) {
            return null;
          }
          return text(ref, strings.getItemAt(Integer.parseInt(raw.trim())).getString());
        }
        case "inlineStr" -> {
          return text(ref, inline.length() > 0 ? inline.toString() : raw);
        }
        case "str" -> {
          return text(ref, raw);
        }
        case "b" -> {
          return raw.isBlank() ? null : new TrackerCell(ref, TrackerCell.Kind.BOOLEAN, raw.trim().equals("1") ? "TRUE" : "FALSE", null);
        }
        case "e" -> {
          return raw.isBlank() ? null : new TrackerCell(ref, TrackerCell.Kind.ERROR, raw.trim(), null);
        }
        case "d" -> {
          if (raw.isBlank()) {
            return null;
          }
          try {
            LocalDate date = LocalDate.parse(raw.trim().substring(0, Math.min(10, raw.trim().length())));
            return new TrackerCell(ref, TrackerCell.Kind.DATE, date.toString(), date);
          } catch (DateTimeParseException e) {
            return text(ref, raw);
          }
        }
        default -> {
          if (raw.isBlank()) {
            return null;
          }
          double number;
          try {
            number = Double.parseDouble(raw.trim());
          } catch (NumberFormatException e) {
            return text(ref, raw);
          }
          if (isDateStyle() && DateUtil.isValidExcelDate(number)) {
            LocalDate date = DateUtil.getLocalDateTime(number, date1904).toLocalDate();
            return new TrackerCell(ref, TrackerCell.Kind.DATE, date.toString(), date);
          }
          return new TrackerCell(ref, TrackerCell.Kind.NUMBER, plain(number), null);
        }
      }
    }

    private static TrackerCell text(String ref, String text) {
      return text == null || text.isBlank() ? null : new TrackerCell(ref, TrackerCell.Kind.TEXT, text.strip(), null);
    }

    private boolean isDateStyle() {
      if (styles == null || style == null || style.isBlank()) {
        return false;
      }
      int index = Integer.parseInt(style.trim());
      return dateStyles.computeIfAbsent(index, i -> {
        if (i >= styles.getNumCellStyles()) {
          return false;
        }
        XSSFCellStyle cellStyle = styles.getStyleAt(i);
        int format = cellStyle.getDataFormat();
        String pattern = cellStyle.getDataFormatString();
        if (pattern == null) {
          pattern = BuiltinFormats.getBuiltinFormat(format);
        }
        return DateUtil.isADateFormat(format, pattern);
      });
    }

    private static String plain(double number) {
      return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
    }

    private static String letters(String ref) {
      var matcher = CELL_REF.matcher(ref.toUpperCase(Locale.ROOT));
      if (!matcher.matches()) {
        throw new IllegalArgumentException("The workbook has a cell reference Excel would not write: " + ref);
      }
      return matcher.group(1);
    }

    private static long key(long row, int column) {
      return row * 20_000L + column;
    }
  }
}
