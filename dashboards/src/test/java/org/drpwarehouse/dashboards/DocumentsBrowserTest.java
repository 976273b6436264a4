package org.drpwarehouse.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * What the report's authors and an inspector see: the annual report and the audit pack opened from
 * file:// in a real headless Chromium, with no network; the report printed to PDF. Screenshots and
 * the PDF are kept in {@code target/}.
 */
class DocumentsBrowserTest {
  @Test
  void the_annual_report_opens_without_an_error_and_prints_to_pdf() throws Exception {
    Path page = Path.of(AnnualReportTest.report("925").html());

    String dom = HeadlessChromium.run(page, "--dump-dom");

    assertThat(dom).as("the page finished loading").contains("data-ready=\"true\"");
    assertThat(dom).as("no script or loading error").contains("data-errors=\"0\"");
    assertThat(dom).as("the charts are drawn as SVG").containsPattern("<svg[^>]*role=\"img\"");
    String text = BoardSiteBrowserTest.text(dom);
    assertThat(text).contains("Dispute resolution in 2024-25: annual report of the IRO service").contains("Lincolnshire")
        .contains("In 2024-25 IROs and chairs raised").contains("Stage responses in time").contains("IRO caseloads");

    Path pdf = Path.of("target", "annual-report.pdf").toAbsolutePath();
    Files.deleteIfExists(pdf);
    HeadlessChromium.run(page, "--no-pdf-header-footer", "--print-to-pdf=" + pdf);
    assertThat(pdf).as("the report printed to PDF").exists();
    assertThat(new String(Files.readAllBytes(pdf), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    assertThat(HeadlessChromium.pages(pdf)).as("an A4 report of several pages").isBetween(4, 40);

    Path screenshot = Path.of("target", "report-screenshot.png").toAbsolutePath();
    Files.deleteIfExists(screenshot);
    HeadlessChromium.run(page, "--screenshot=" + screenshot, "--window-size=1100,3000");
    assertThat(screenshot).exists();
  }

  @Test
  void the_audit_pack_opens_without_an_error() throws Exception {
    Path page = Path.of(AuditPackTest.d1().html());

    String dom = HeadlessChromium.run(page, "--dump-dom");

    assertThat(dom).contains("data-ready=\"true\"").contains("data-errors=\"0\"");
    assertThat(BoardSiteBrowserTest.text(dom)).contains("Audit pack: dispute resolution records of").contains("Dispute D-1")
        .contains("Compliance exceptions by rule");
    Path screenshot = Path.of("target", "audit-screenshot.png").toAbsolutePath();
    Files.deleteIfExists(screenshot);
    HeadlessChromium.run(page, "--screenshot=" + screenshot, "--window-size=1200,2600");
    assertThat(screenshot).exists();
  }
}
