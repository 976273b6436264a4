package org.drpwarehouse.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.drpwarehouse.schemas.warehouse.MartTables.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.drpwarehouse.schemas.warehouse.TableContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The written site, read as files: what it embeds, what it loads, what it leaves out. */
class BoardSiteTest {
  /** Keys whose numbers are not counts: shares in per cent and medians in working days. */
  private static final Set<String> NOT_COUNTS = Set.of("share", "median");

  static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  static JsonNode embedded(Path index) throws IOException {
    Matcher m = Pattern.compile("<script type=\"application/json\" id=\"board-data\">(.*?)</script>", Pattern.DOTALL)
        .matcher(read(index));
    assertThat(m.find()).as("the figures are embedded in the page as JSON").isTrue();
    return new ObjectMapper().readTree(m.group(1));
  }

  /** Every number in the JSON with the key it stands under. */
  static void numbers(JsonNode node, String key, List<String> found) {
    if (node.isNumber()) {
      found.add(key + "=" + node.asText());
    } else if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        numbers(field.getValue(), field.getKey(), found);
      }
    } else if (node.isArray()) {
      node.forEach(element -> numbers(element, key, found));
    }
  }

  @Test
  void no_count_from_1_to_5_is_embedded_in_the_page() throws IOException {
    JsonNode data = embedded(BoardFixture.site().resolve("index.html"));

    List<String> found = new ArrayList<>();
    numbers(data, "", found);
    List<String> counts = found.stream().filter(n -> !NOT_COUNTS.contains(n.substring(0, n.indexOf('=')))).toList();
    assertThat(counts).as("the page embeds counts").hasSizeGreaterThan(200);
    assertThat(counts).as("every embedded count is 0 or more than 5")
        .allSatisfy(n -> assertThat(Long.parseLong(n.substring(n.indexOf('=') + 1))).satisfiesAnyOf(
            v -> assertThat(v).isZero(), v -> assertThat(v).isGreaterThan(5)));
    assertThat(data.toString()).as("withheld counts are embedded as c").contains("\"n\":\"c\"");
  }

  @Test
  void the_charting_library_is_in_the_site_and_nothing_is_loaded_from_the_network() throws IOException {
    Path site = BoardFixture.site();
    Path library = site.resolve(BoardSite.LIBRARY);

    assertThat(library).as("the ECharts file is copied into the site").exists();
    assertThat(Files.size(library)).as("the whole library, not a stub").isGreaterThan(500_000);
    assertThat(read(library)).contains("echarts");
    List<Path> pages;
    try (Stream<Path> files = Files.list(site)) {
      pages = files.filter(p -> p.toString().endsWith(".html")).toList();
    }
    assertThat(pages).as("the dashboard and the withheld authority's page").hasSize(2);
    Pattern remote = Pattern.compile("<(script|link|img|iframe)[^>]+(src|href)=\"(https?:)?//", Pattern.CASE_INSENSITIVE);
    for (Path page : pages) {
      String html = read(page);
      assertThat(remote.matcher(html).find()).as(page.getFileName() + " loads nothing from the network").isFalse();
      Matcher scripts = Pattern.compile("<script[^>]+src=\"([^\"]+)\"").matcher(html);
      while (scripts.find()) {
        assertThat(site.resolve(scripts.group(1))).as("script " + scripts.group(1) + " is in the site").exists();
      }
    }
    String script = read(site.resolve("board.js"));
    assertThat(script).as("the page's own script fetches nothing")
        .doesNotContain("http://", "https://", "fetch(", "XMLHttpRequest", "import(");
    assertThat(read(site.resolve("board.css"))).as("nor does its style").doesNotContain("http", "@import", "url(");
    assertThat(read(site.resolve("index.html"))).as("the page loads the copied library")
        .contains("<script src=\"" + BoardSite.LIBRARY + "\"></script>");
  }

  @Test
  void a_withheld_authority_has_its_own_page_naming_the_failing_rules_and_no_figures() throws IOException {
    Path site = BoardFixture.site();
    String page = read(site.resolve("withheld-208.html"));

    assertThat(page).contains("Lambeth: figures withheld")
        .contains("silver.disputes.start_date_present").contains("14 disputes have no STAGE_OPENED event")
        .contains("gold.visits.due_date_present").contains("href=\"index.html\"");
    JsonNode lambeth = null;
    for (JsonNode authority : embedded(site.resolve("index.html")).get("authorities")) {
      if (authority.get("code").asText().equals("208")) {
        lambeth = authority;
      }
    }
    assertThat(lambeth).as("Lambeth is listed, to link its page").isNotNull();
    assertThat(lambeth.has("figures")).as("but none of its figures are embedded").isFalse();
    assertThat(lambeth.get("page").asText()).isEqualTo("withheld-208.html");
    try (Stream<Path> csvs = Files.list(site.resolve("csv"))) {
      for (Path csv : csvs.toList()) {
        assertThat(Files.readAllLines(csv)).as(csv.getFileName() + " holds no row of Lambeth")
            .noneMatch(line -> line.startsWith("208,"));
      }
    }
  }

  @Test
  void each_board_table_is_written_as_csv_with_suppressed_values_as_c() throws IOException {
    Path csv = BoardFixture.site().resolve("csv").resolve(STAGE_TIMELINESS.name() + ".csv");

    List<String> lines = Files.readAllLines(csv);
    assertThat(lines.get(0)).as("the contract's columns, then suppressed")
        .isEqualTo(String.join(",", STAGE_TIMELINESS.columnNames()) + ",suppressed");
    int onTime = STAGE_TIMELINESS.columnNames().indexOf(ON_TIME);
    List<String> shown = lines.stream().skip(1).map(line -> line.split(",", -1)[onTime]).toList();
    assertThat(shown).as("on-time counts: c where suppressed").contains("c");
    assertThat(shown).as("no on-time count from 1 to 5").noneMatch(v -> v.matches("[1-5]"));
    for (TableContract contract : BoardFixture.suppressed().keySet()) {
      assertThat(BoardFixture.site().resolve("csv").resolve(contract.name() + ".csv")).exists();
    }
  }

  @Test
  void the_page_holds_only_aggregates_never_a_child_or_dispute_id() throws IOException {
    String index = read(BoardFixture.site().resolve("index.html"));

    assertThat(index).doesNotContain("child_id", "dispute_id", "raised_by");
  }

  @Test
  void an_unsuppressed_mart_is_refused(@TempDir Path folder) {
    Dataset<Row> raw = MartRows.of(CAFCASS).defaults(STAGE_AT_REFERRAL, "stage2").row(REFERRALS, 3).dataset();

    assertThatThrownBy(() -> BoardSite.write(Map.of(CAFCASS, raw), BoardFixture.PUBLICATION, folder.toUri()))
        .hasMessageContaining("gold.mart_cafcass").hasMessageContaining("SmallNumberSuppression");
    Dataset<Row> faked = raw.withColumn(SmallNumberSuppression.SUPPRESSED, functions.array().cast("array<string>"));
    assertThatThrownBy(() -> BoardSite.write(Map.of(CAFCASS, faked), BoardFixture.PUBLICATION, folder.toUri()))
        .as("a mart claiming to be suppressed that shows a 3")
        .hasMessageContaining("referrals = 3");
    assertThat(folder.resolve("index.html")).as("nothing was written").doesNotExist();
  }
}
