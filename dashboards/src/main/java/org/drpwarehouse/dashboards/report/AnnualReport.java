package org.drpwarehouse.dashboards.report;

import static org.apache.spark.sql.functions.col;

import java.net.URI;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.drpwarehouse.dashboards.PublishedTables;
import org.drpwarehouse.dashboards.SmallNumberSuppression;
import org.drpwarehouse.dashboards.internal.Documents;
import org.drpwarehouse.dashboards.internal.SiteFiles;
import org.drpwarehouse.dashboards.report.ReportDocument.Cell;
import org.drpwarehouse.dashboards.report.ReportDocument.Kind;
import org.drpwarehouse.dashboards.report.ReportDocument.Table;
import org.drpwarehouse.schemas.DrpUserException;
import org.drpwarehouse.schemas.ExchangeFormat;
import org.drpwarehouse.schemas.warehouse.GoldTables;
import org.drpwarehouse.schemas.warehouse.MartTables;
import org.drpwarehouse.schemas.warehouse.ReferenceTables;
import org.drpwarehouse.schemas.warehouse.SilverSchemas;
import org.drpwarehouse.schemas.warehouse.SilverTables;
import org.drpwarehouse.schemas.warehouse.TableContract;
import org.drpwarehouse.schemas.warehouse.WarehouseTables;

/**
 * The annual IRO report: for one financial year and each authority a publication published (or the
 * one asked for), the figures the authors of the IRO annual report need, with the previous year
 * beside each, narrative-ready sentences with the figures in them, and charts. Written into the
 * publication's folder:
 *
 * <pre>
 * report/&lt;authority&gt;/&lt;year&gt;/report.html     printable, self-contained (style and charts inline)
 * report/&lt;authority&gt;/&lt;year&gt;/report.md       the same in Markdown
 * report/&lt;authority&gt;/&lt;year&gt;/csv/TABLE.csv   one CSV per table (c = withheld)
 * report/&lt;authority&gt;/&lt;year&gt;/charts/ID.svg   one SVG per chart (the Markdown links them)
 * </pre>
 *
 * <p>Contract: every table is read at the publication's recorded Delta version ({@link
 * PublishedTables}); the marts and the report's own tables ({@link ReportTables}) are suppressed
 * together by {@link SmallNumberSuppression#applyAll}, the board dashboard's suppression, so the
 * report withholds the same cells the board does; only the suppressed, aggregated rows of the two
 * years are collected. The write is refused if any count from 1 to 5 would be shown. An authority
 * the gate withheld from the publication gets no report. The same publication and year always give
 * the same bytes.
 */
public final class AnnualReport {
  private AnnualReport() {}

  /** What was written for one authority: its folder, the page, the Markdown, every file, and the document. */
  public record Written(String authority, URI folder, URI html, URI markdown, List<URI> files, ReportDocument document) {
    public Written {
      files = List.copyOf(files);
    }
  }

  /**
   * Builds and writes the report.
   *
   * @param financialYear e.g. {@code 2024-25}
   * @param authority one authority code, or null for every authority the publication published
   * @throws DrpUserException for a malformed year, a year after the publication's as-of date, or an
   *     authority the publication does not cover or withheld
   */
  public static List<Written> write(PublishedTables publication, String financialYear, String authority) {
    FinancialYears year = FinancialYears.parse(financialYear);
    if (publication.asOf().isBefore(year.first())) {
      throw new DrpUserException("--year " + financialYear, "starts after the as-of date of publication " + publication.id()
          + " (" + publication.asOf() + "), so it has no figures", "choose a year up to " + MartTables.financialYear(publication.asOf()));
    }
    List<String> authorities = authorities(publication, authority);
    FinancialYears previous = year.previous();
    List<String> periods = new ArrayList<>(List.of(year.label(), previous.label()));
    for (int q = 1; q <= 4; q++) {
      periods.add(year.quarter(q));
      periods.add(previous.quarter(q));
    }

    Map<TableContract, Dataset<Row>> inputs = new LinkedHashMap<>();
    for (TableContract mart : MartTables.ALL) {
      inputs.put(mart, publication.table(mart).where(col(MartTables.AUTHORITY).isin(authorities.toArray())));
    }
    Dataset<Row> summary = publication.table(GoldTables.DISPUTE_SUMMARY).where(col(GoldTables.AUTHORITY).isin(authorities.toArray()));
    Dataset<Row> children = publication.table(SilverTables.CHILDREN).where(col(GoldTables.AUTHORITY).isin(authorities.toArray()));
    Dataset<Row> allocations = publication.table(SilverSchemas.SILVER + "." + ExchangeFormat.ALLOCATIONS.name(),
            WarehouseTables.location(publication.warehouse(), SilverSchemas.SILVER, ExchangeFormat.ALLOCATIONS.name()),
            SilverSchemas.of(ExchangeFormat.ALLOCATIONS))
        .where(col(GoldTables.AUTHORITY).isin(authorities.toArray()));
    inputs.put(ReportTables.EQUALITY, EqualityBreakdown.apply(summary, children, List.of(year.label(), previous.label())));
    inputs.put(ReportTables.CASELOADS, IroCaseloads.apply(allocations, countDates(publication, year)));
    Map<TableContract, Dataset<Row>> suppressed = SmallNumberSuppression.applyAll(inputs);

    Map<String, Map<TableContract, List<Row>>> collected = new TreeMap<>();
    for (Map.Entry<TableContract, Dataset<Row>> entry : suppressed.entrySet()) {
      TableContract contract = entry.getKey();
      Dataset<Row> rows = entry.getValue();
      if (contract.column(MartTables.PERIOD).isPresent()) {
        rows = rows.where(col(MartTables.PERIOD).isin(periods.toArray()));
      }
      if (MartTables.ALL.contains(contract) && contract.column(MartTables.BREAKDOWN).isPresent()) {
        rows = rows.where(col(MartTables.BREAKDOWN).equalTo(MartTables.Breakdown.ALL));
      }
      Column[] order = contract.key().stream().map(k -> col(k).asc_nulls_first()).toArray(Column[]::new);
      for (Row row : rows.orderBy(order).collectAsList()) {
        collected.computeIfAbsent(row.getAs(MartTables.AUTHORITY), a -> new LinkedHashMap<>())
            .computeIfAbsent(contract, c -> new ArrayList<>()).add(row);
      }
    }
    Map<String, Map<TableContract, Rows>> byAuthority = new TreeMap<>();
    collected.forEach((code, tables) -> {
      Map<TableContract, Rows> wrapped = new LinkedHashMap<>();
      tables.forEach((contract, list) -> wrapped.put(contract, new Rows(list)));
      byAuthority.put(code, wrapped);
    });
    Map<String, String> names = names(publication, authorities);
    List<String> notes = new ArrayList<>();
    notes.add("Read from the warehouse as publication " + publication.id() + " recorded it (Delta time travel):");
    publication.reads().forEach(read -> notes.add(read.describe()));

    List<Written> written = new ArrayList<>();
    for (String code : authorities) {
      ReportDocument doc = new ReportBuilder(byAuthority.getOrDefault(code, Map.of()), year, publication.asOf())
          .build(code, names.getOrDefault(code, code), publication.id(), notes);
      refuseSmallNumbers(doc);
      URI folder = publication.folder("report/" + safe(code) + "/" + year.label());
      SiteFiles files = new SiteFiles(folder, publication.spark().sparkContext().hadoopConfiguration());
      List<URI> uris = new ArrayList<>();
      ReportRenderer.files(doc).forEach((name, content) -> uris.add(files.write(name, Documents.utf8(content))));
      written.add(new Written(code, folder, uris.get(0), uris.get(1), uris, doc));
    }
    return written;
  }

  private static List<String> authorities(PublishedTables publication, String authority) {
    if (authority == null) {
      if (publication.publishedAuthorities().isEmpty()) {
        throw new DrpUserException("publication " + publication.id(), "published no authority's figures",
            "fix what drp check reports and publish again");
      }
      return publication.publishedAuthorities().stream().sorted().toList();
    }
    if (publication.withheldAuthorities().contains(authority)) {
      throw new DrpUserException("--authority " + authority, "was withheld from publication " + publication.id()
          + " by the quality gate, so its figures may not be reported", "fix what drp check reports for " + authority
          + " and publish again, or name an earlier publication with --publication ID");
    }
    if (!publication.published(authority)) {
      throw new DrpUserException("--authority " + authority, "is not in publication " + publication.id(),
          "give one of " + String.join(", ", publication.publishedAuthorities()));
    }
    return List.of(authority);
  }

  /** One row per year: its label, 1 April, the day counted (31 March, or the as-of date if earlier). */
  private static Dataset<Row> countDates(PublishedTables publication, FinancialYears year) {
    StructType schema = new StructType()
        .add(MartTables.PERIOD, DataTypes.StringType, false)
        .add(MartTables.PERIOD_START, DataTypes.DateType, false)
        .add(ReportTables.COUNT_DATE, DataTypes.DateType, false)
        .add(GoldTables.AS_OF_DATE, DataTypes.DateType, false);
    List<Row> rows = new ArrayList<>();
    for (FinancialYears fy : List.of(year, year.previous())) {
      LocalDate day = fy.last().isAfter(publication.asOf()) ? publication.asOf() : fy.last();
      if (!day.isBefore(fy.first())) {
        rows.add(RowFactory.create(fy.label(), Date.valueOf(fy.first()), Date.valueOf(day), Date.valueOf(publication.asOf())));
      }
    }
    return publication.spark().createDataFrame(rows, schema);
  }

  /** Each authority's name from its latest policy binding that names it. */
  private static Map<String, String> names(PublishedTables publication, List<String> authorities) {
    Map<String, String> names = new LinkedHashMap<>();
    for (Row row : publication.table(ReferenceTables.POLICY_BINDINGS)
        .where(col(ReferenceTables.AUTHORITY).isin(authorities.toArray()).and(col(ReferenceTables.AUTHORITY_NAME).isNotNull()))
        .orderBy(col(ReferenceTables.AUTHORITY), col(ReferenceTables.EFFECTIVE_FROM))
        .select(ReferenceTables.AUTHORITY, ReferenceTables.AUTHORITY_NAME).collectAsList()) {
      names.put(row.getString(0), row.getString(1));
    }
    return names;
  }

  /** A last guard: no count from 1 to 5 may be shown, whatever went before. */
  static void refuseSmallNumbers(ReportDocument doc) {
    for (Table table : doc.tables()) {
      for (List<Cell> row : table.rows()) {
        for (Cell cell : row) {
          if (cell.kind() == Kind.COUNT) {
            String digits = cell.text().replace("at least ", "").replace(",", "");
            if (digits.matches("[1-5]")) {
              throw new IllegalStateException("Refusing to write the report of " + doc.authority() + ": table " + table.id()
                  + " would show the count " + cell.text() + " in row '" + row.get(0).text()
                  + "'; every count must come from SmallNumberSuppression");
            }
          }
        }
      }
    }
  }

  /** A folder name from a code: letters, digits, - and _ only. */
  static String safe(String code) {
    return code.replaceAll("[^A-Za-z0-9_-]", "_");
  }
}
