package org.drpwarehouse.dashboards;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.drpwarehouse.dashboards.internal.BoardModel;
import org.drpwarehouse.dashboards.internal.SiteFiles;
import org.drpwarehouse.dashboards.internal.SitePages;
import org.drpwarehouse.schemas.warehouse.MartTables;
import org.drpwarehouse.schemas.warehouse.TableColumn;
import org.drpwarehouse.schemas.warehouse.TableContract;

/**
 * The board dashboard: a static site a corporate parenting board opens from a folder, a share or
 * a file:// link, with no network. It shows, per authority and financial year, the headline
 * figures, trends by quarter and year, stage timeliness, the moves between stages (a Sankey), themes
 * over time (a heatmap), referrals to Cafcass, open disputes by age and the data-quality status of
 * the publication; a filter chooses the authority when there are several, and each withheld
 * authority has a page saying so and naming the failing rules.
 *
 * <p>Layout of the folder:
 *
 * <pre>
 * index.html                the dashboard; its figures are embedded as JSON in a script element
 * board.js, board.css       the page's own script and style
 * echarts.min.js            Apache ECharts, copied from the WebJar in the jar (never a CDN)
 * withheld-CODE.html        one page per withheld authority
 * csv/MART.csv              each suppressed mart given, published authorities only (c = suppressed)
 * </pre>
 *
 * <p>Contract: the marts given must come from {@link SmallNumberSuppression} (they carry {@value
 * SmallNumberSuppression#SUPPRESSED}); only the rows of published authorities are collected (they
 * are aggregates, already suppressed), and the write is refused if any published count from 1 to 5
 * is found. No child-level data reaches the site. Each chart's caption says what it counts and in
 * which period, and cites the metric dictionary ({@code docs/metric-dictionary.md}). The folder is a
 * URI written through Hadoop's FileSystem ({@code file:}, {@code s3a:}); files already there with
 * the same names are replaced.
 */
public final class BoardSite {
  static final String SITE = "org/drpwarehouse/dashboards/site/";
  static final String LIBRARY_PROPERTIES = "META-INF/maven/org.webjars/echarts/pom.properties";
  /** The file name of the charting library in the site. */
  public static final String LIBRARY = "echarts.min.js";
  public static final String INDEX = "index.html";
  public static final String CSV_FOLDER = "csv";

  private BoardSite() {}

  /** What was written: the dashboard's page and every file, in the order written. */
  public record Written(URI index, List<URI> files) {
    public Written {
      files = List.copyOf(files);
    }
  }

  /**
   * Writes the site of one publication into {@code folder}.
   *
   * @param suppressedMarts suppressed marts ({@link SmallNumberSuppression#applyAll}) by contract;
   *     a mart not given leaves its section saying it is not in this publication
   * @param publication the publication and the quality gate's verdict per authority
   * @param folder where to write, e.g. {@code file:/srv/board/2025-07/} or {@code s3a://bucket/board/2025-07/}
   */
  public static Written write(Map<TableContract, Dataset<Row>> suppressedMarts, BoardPublication publication, URI folder) {
    Set<String> published = Set.copyOf(publication.published().stream().map(BoardPublication.Authority::code).toList());
    Map<String, List<Row>> rows = new LinkedHashMap<>();
    Map<TableContract, List<Row>> byContract = new LinkedHashMap<>();
    Configuration hadoop = null;
    for (TableContract contract : ordered(suppressedMarts)) {
      Dataset<Row> mart = suppressedMarts.get(contract);
      if (!List.of(mart.columns()).contains(SmallNumberSuppression.SUPPRESSED)) {
        throw new IllegalArgumentException("Cannot publish " + contract.qualifiedName() + " unsuppressed: it has no "
            + SmallNumberSuppression.SUPPRESSED + " column; pass it through SmallNumberSuppression.applyAll first");
      }
      hadoop = mart.sparkSession().sparkContext().hadoopConfiguration();
      List<Row> collected = collect(mart, contract, published);
      refuseSmallNumbers(contract, collected);
      rows.put(contract.name(), collected);
      byContract.put(contract, collected);
    }
    if (hadoop == null) {
      hadoop = SparkSession.active().sparkContext().hadoopConfiguration();
    }
    SiteFiles files = new SiteFiles(folder, hadoop);
    Map<String, String> withheldPages = new LinkedHashMap<>();
    for (BoardPublication.Authority authority : publication.withheld()) {
      withheldPages.put(authority.code(), SitePages.withheldFileName(authority.code()));
    }
    String json;
    try {
      json = new ObjectMapper().writeValueAsString(new BoardModel(rows, publication).toJson(withheldPages));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the board's figures as JSON", e);
    }
    String library = libraryPath();
    String index = resource(SITE + INDEX)
        .replace("{{LIBRARY}}", LIBRARY)
        .replace("{{DATA}}", SitePages.scriptSafe(json));
    List<URI> written = new ArrayList<>();
    written.add(files.write(INDEX, index.getBytes(StandardCharsets.UTF_8)));
    written.add(files.write("board.js", resourceBytes(SITE + "board.js")));
    written.add(files.write("board.css", resourceBytes(SITE + "board.css")));
    written.add(files.write(LIBRARY, resourceBytes(library)));
    for (BoardPublication.Authority authority : publication.withheld()) {
      written.add(files.write(withheldPages.get(authority.code()),
          SitePages.withheld(publication, authority).getBytes(StandardCharsets.UTF_8)));
    }
    byContract.forEach((contract, collected) -> written.add(
        files.write(CSV_FOLDER + "/" + contract.name() + ".csv", SitePages.csv(contract, collected).getBytes(StandardCharsets.UTF_8))));
    return new Written(written.get(0), written);
  }

  private static List<TableContract> ordered(Map<TableContract, Dataset<Row>> marts) {
    List<TableContract> order = new ArrayList<>();
    for (TableContract contract : MartTables.ALL) {
      if (marts.containsKey(contract)) {
        order.add(contract);
      }
    }
    marts.keySet().stream().filter(c -> !order.contains(c)).sorted((a, b) -> a.name().compareTo(b.name())).forEach(order::add);
    return order;
  }

  /** The published authorities' rows, in key order: already aggregated and suppressed. */
  private static List<Row> collect(Dataset<Row> mart, TableContract contract, Set<String> published) {
    Dataset<Row> rows = mart;
    if (contract.column(MartTables.AUTHORITY).isPresent()) {
      rows = rows.where(col(MartTables.AUTHORITY).isin(published.toArray()));
    }
    Column[] order = contract.key().stream().map(k -> col(k).asc_nulls_first()).toArray(Column[]::new);
    return order.length == 0 ? rows.collectAsList() : rows.orderBy(order).collectAsList();
  }

  /** A last guard: no count from 1 to 5 may be published, whatever the caller passed. */
  private static void refuseSmallNumbers(TableContract contract, List<Row> rows) {
    for (Row row : rows) {
      List<String> suppressed = row.getList(row.fieldIndex(SmallNumberSuppression.SUPPRESSED));
      for (TableColumn column : contract.columns()) {
        if (!column.type().equals(DataTypes.LongType) || suppressed.contains(column.name())) {
          continue;
        }
        Object value = row.get(row.fieldIndex(column.name()));
        if (value != null && ((Number) value).longValue() >= 1
            && ((Number) value).longValue() <= SmallNumberSuppression.LARGEST_SMALL) {
          throw new IllegalStateException("Refusing to publish " + contract.qualifiedName() + ": a row of authority "
              + row.getAs(MartTables.AUTHORITY) + " shows " + column.name() + " = " + value
              + " unsuppressed; suppress the marts with SmallNumberSuppression.applyAll and pass its output");
        }
      }
    }
  }

  /** The charting library's file in its WebJar, found by the WebJar's version. */
  static String libraryPath() {
    Properties properties = new Properties();
    try (InputStream in = BoardSite.class.getClassLoader().getResourceAsStream(LIBRARY_PROPERTIES)) {
      if (in == null) {
        throw new IllegalStateException("The build lost the ECharts WebJar (" + LIBRARY_PROPERTIES + ") from the classpath");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "META-INF/resources/webjars/echarts/" + properties.getProperty("version") + "/" + LIBRARY;
  }

  static String resource(String path) {
    return new String(resourceBytes(path), StandardCharsets.UTF_8);
  }

  static byte[] resourceBytes(String path) {
    try (InputStream in = BoardSite.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("The build lost " + path + " from the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + path, e);
    }
  }
}
