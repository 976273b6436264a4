package org.drpwarehouse.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.drpwarehouse.schemas.warehouse.MartTables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a board member sees: the site opened from file:// in a real headless Chromium, with no
 * network. The page must finish drawing (it marks {@code data-ready}), report no script error, show
 * the headline figures, draw its charts, and say what each chart counts. A screenshot is kept in
 * {@code target/board-screenshot.png}. Without a Chromium the test is skipped with a loud message,
 * and fails when {@code CI=true}.
 */
class BoardSiteBrowserTest {

  @BeforeAll
  static void findChromium() {
    HeadlessChromium.find("the board dashboard was");
  }

  static String text(String html) {
    return html.replaceAll("(?s)<script.*?</script>", " ").replaceAll("<[^>]+>", " ").replace("&nbsp;", " ")
        .replace("&amp;", "&").replaceAll("\\s+", " ");
  }

  @Test
  void the_dashboard_draws_its_figures_and_charts_without_an_error() throws Exception {
    Path index = BoardFixture.site().resolve("index.html");

    String dom = HeadlessChromium.run(index, "--dump-dom");

    assertThat(dom).as("the page finished drawing").contains("data-ready=\"true\"");
    assertThat(dom).as("no script error or console.error").contains("data-errors=\"0\"");
    String text = text(dom);
    JsonNode headline = BoardSiteTest.embedded(index).get("authorities").get(0).get("figures").get("byYear")
        .get("2024-25").get("headline");
    assertThat(text).as("the first published authority is shown").contains("Calderdale: dispute resolution");
    assertThat(text).contains("Figures as of 30 June 2025");
    assertThat(text).as("the headline disputes raised, as embedded")
        .contains("Disputes raised in 2024-25 " + shown(headline.get("disputes")));
    assertThat(text).contains("Stage responses on time").contains("Open disputes on 30 June 2025");
    assertThat(dom).as("the charts are drawn (as SVG)").containsPattern("<svg[^>]*>");
    int charts = dom.split("<svg", -1).length - 1;
    assertThat(charts).as("seven charts").isGreaterThanOrEqualTo(7);
    assertThat(text).as("axes are labelled").contains("Financial quarter").contains("Disputes raised").contains("Per cent");
    assertThat(text).as("the Sankey names the stages").contains("Raised").contains("Stage 1").contains("Stage 2");
    assertThat(text).as("the heatmap names the themes").contains("Drift or delay in care planning");
    assertThat(text).as("withheld figures read c").containsPattern(" c ");
    assertThat(text).as("each chart says what it counts and cites the metric dictionary")
        .contains("counted in the financial quarter each dispute started")
        .contains("Metric dictionary (docs/metric-dictionary.md): mart_themes: disputes");
    assertThat(text).as("the data quality of the publication").contains("passed every data-quality check")
        .contains("Withheld from this publication");
    assertThat(text).as("an authority filter, since there are several").contains("Lincolnshire").contains("Lambeth (withheld)");

    Path screenshot = Path.of("target", "board-screenshot.png").toAbsolutePath();
    Files.deleteIfExists(screenshot);
    HeadlessChromium.run(index, "--screenshot=" + screenshot, "--window-size=1400,2400");
    assertThat(screenshot).as("a screenshot is kept").exists();
    assertThat(Files.size(screenshot)).as("of a drawn page").isGreaterThan(50_000);
  }

  @Test
  void the_second_authority_shows_its_warning_when_chosen_by_link() throws Exception {
    String linked = BoardFixture.site().resolve("index.html").toUri() + "#925";

    String text = text(HeadlessChromium.run(linked, "--dump-dom"));

    assertThat(text).contains("Lincolnshire: dispute resolution").contains("published with warnings")
        .contains("gold.visits.stage_known");
  }

  @Test
  void a_publication_of_some_marts_only_says_which_sections_it_does_not_hold() throws Exception {
    Path folder = Path.of("target", "board-site-disputes-only").toAbsolutePath();
    Files.createDirectories(folder);
    BoardSite.write(Map.of(MartTables.DISPUTES_STARTED,
            SmallNumberSuppression.apply(BoardFixture.marts().get(MartTables.DISPUTES_STARTED), MartTables.DISPUTES_STARTED)),
        BoardFixture.PUBLICATION, folder.toUri());

    String dom = HeadlessChromium.run(folder.resolve("index.html"), "--dump-dom");

    assertThat(dom).contains("data-ready=\"true\"").contains("data-errors=\"0\"");
    assertThat(text(dom)).contains("Disputes raised in 2024-25")
        .contains("Not part of this publication (it holds no mart_stage_timeliness)")
        .contains("Not part of this publication (it holds no mart_themes)");
  }

  @Test
  void a_withheld_authority_page_says_so_and_names_the_rules() throws Exception {
    String text = text(HeadlessChromium.run(BoardFixture.site().resolve("withheld-208.html"), "--dump-dom"));

    assertThat(text).contains("Lambeth: figures withheld").contains("were withheld from this publication")
        .contains("silver.disputes.start_date_present").contains("gold.visits.due_date_present");
  }

  static String shown(JsonNode count) {
    if (count.get("n").isTextual()) {
      return count.get("n").asText();
    }
    String n = String.format(java.util.Locale.UK, "%,d", count.get("n").asLong());
    return Optional.ofNullable(count.get("partial")).map(p -> "at least " + n).orElse(n);
  }
}
