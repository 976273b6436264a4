package org.drpwarehouse.dashboards;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.drpwarehouse.dashboards.report.AnnualReport;
import org.drpwarehouse.dashboards.report.ReportDocument;
import org.drpwarehouse.schemas.DrpUserException;
import org.drpwarehouse.schemas.warehouse.MartTables;
import org.junit.jupiter.api.Test;

/**
 * The annual IRO report built from a publication: the figures of the recorded table versions, the
 * year before beside them, the board's suppression, the equality breakdown reconciled with the
 * published total, and IRO caseloads from the allocations.
 */
class AnnualReportTest {
  private static final class Reports {
    static final List<AnnualReport.Written> ALL =
        AnnualReport.write(PublishedTables.open(SharedSpark.session(), ReportWarehouse.warehouse(), null), "2024-25", null);
  }

  static AnnualReport.Written report(String authority) {
    return Reports.ALL.stream().filter(w -> w.authority().equals(authority)).findFirst().orElseThrow();
  }

  static List<List<String>> csv(AnnualReport.Written report, String table) throws IOException {
    Path file = Path.of(report.folder()).resolve("csv/" + table + ".csv");
    List<List<String>> rows = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      rows.add(parse(line));
    }
    return rows;
  }

  static List<String> parse(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          cell.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(ch);
      }
    }
    cells.add(cell.toString());
    return cells;
  }

  static List<String> row(List<List<String>> csv, String label) {
    return csv.stream().filter(r -> r.get(0).equals(label)).findFirst().orElseThrow(() -> new AssertionError("no row " + label + " in " + csv));
  }

  /** What the board dashboard shows for a cell of mart_disputes: the suppressed value, or c. */
  static String boardShows(String authority, String process, String year, String column) {
    Row row = BoardFixture.suppressed().get(MartTables.DISPUTES_STARTED)
        .where(col(MartTables.AUTHORITY).equalTo(authority).and(col(MartTables.BREAKDOWN).equalTo("ALL"))
            .and(col(MartTables.PROCESS).equalTo(process)).and(col(MartTables.PERIOD).equalTo(year)))
        .head();
    String shown = SmallNumberSuppression.shown(row, column);
    return shown.equals("c") ? shown : String.format(java.util.Locale.UK, "%,d", Long.parseLong(shown));
  }

  @Test
  void challenges_raised_are_the_boards_figures_of_the_recorded_version_with_the_year_before() throws IOException {
    List<String> cla = row(csv(report("381"), "challenges_raised"), "Looked-after child");
    List<String> cp = row(csv(report("381"), "challenges_raised"), "Child protection");

    assertThat(csv(report("381"), "challenges_raised").get(0))
        .as("this year and the year before side by side")
        .containsSequence("Raised 2024-25", "Raised 2023-24");
    assertThat(cla.get(1)).as("CLA challenges raised in 2024-25 as the board shows them (not the later, doubled version)")
        .isEqualTo(boardShows("381", "CLA", "2024-25", MartTables.DISPUTES));
    assertThat(cla.get(2)).as("and in 2023-24").isEqualTo(boardShows("381", "CLA", "2023-24", MartTables.DISPUTES));
    assertThat(cp.get(3)).as("CP challenges started informally in 2024-25")
        .isEqualTo(boardShows("381", "CP", "2024-25", MartTables.INFORMAL_ENTRY));
    assertThat(Long.parseLong(cla.get(1).replace(",", "")))
        .as("the publication's version, before mart_disputes was rewritten with every count doubled")
        .isEqualTo(ReportWarehouse.claDisputes("381", "2024-25"));
  }

  @Test
  void the_headline_sentence_has_the_figures_in_it() {
    ReportDocument doc = report("381").document();
    String headline = doc.summary().get(0);

    assertThat(headline).startsWith("In 2024-25 IROs and chairs raised ").contains("(2023-24: ").contains("reached stage 3 or above");
    List<String> raised = List.of(row(doc, "challenges_raised", "All challenges raised by IROs and chairs").get(1),
        row(doc, "challenges_raised", "All challenges raised by IROs and chairs").get(2));
    assertThat(headline).as("the total of the table, this year and last").contains("raised " + raised.get(0) + " challenges (2023-24: " + raised.get(1) + ")");
  }

  static List<String> row(ReportDocument doc, String table, String label) {
    return doc.tables().stream().filter(t -> t.id().equals(table)).findFirst().orElseThrow().rows().stream()
        .filter(r -> r.get(0).text().equals(label)).findFirst().orElseThrow().stream().map(ReportDocument.Cell::text).toList();
  }

  @Test
  void no_count_from_1_to_5_is_shown_in_any_table_or_csv() throws IOException {
    for (AnnualReport.Written report : Reports.ALL) {
      for (ReportDocument.Table table : report.document().tables()) {
        for (List<ReportDocument.Cell> cells : table.rows()) {
          for (ReportDocument.Cell cell : cells) {
            if (cell.kind() == ReportDocument.Kind.COUNT) {
              assertThat(cell.text().replace("at least ", "").replace(",", ""))
                  .as("%s %s, row %s", report.authority(), table.id(), cells.get(0).text()).doesNotMatch("[1-5]");
            }
          }
        }
        List<List<String>> csv = csv(report, table.id());
        for (int c = 1; c < csv.get(0).size(); c++) {
          String header = csv.get(0).get(c);
          if (header.contains("%") || header.contains("Share") || header.contains("Median") || header.equals("Change")) {
            continue;
          }
          for (List<String> line : csv.subList(1, csv.size())) {
            assertThat(line.get(c).replace("at least ", "").replace(",", ""))
                .as("%s csv/%s.csv, column %s, row %s", report.authority(), table.id(), header, line.get(0)).doesNotMatch("[1-5]");
          }
        }
      }
    }
    assertThat(String.join("\n", report("381").document().summary())).as("withheld figures read c somewhere in the tables")
        .isNotNull();
    assertThat(Reports.ALL.stream().flatMap(r -> r.document().tables().stream()).flatMap(t -> t.rows().stream())
        .flatMap(List::stream).anyMatch(cell -> cell.text().equals("c")))
        .as("the fixture has small numbers, so some cells are withheld").isTrue();
  }

  @Test
  void the_equality_breakdown_is_shown_where_it_adds_up_to_the_published_total_and_withheld_where_not() throws IOException {
    long total925 = ReportWarehouse.claDisputes("925", "2024-25");
    long girls = 0;
    for (int i = 0; i < total925; i++) {
      girls += i % 5 < 3 ? 1 : 0;
    }

    List<String> female = row(csv(report("925"), "equality_sex"), "Female");
    assertThat(female.get(1)).as("925: girls among its CLA challenges of 2024-25").isEqualTo(String.valueOf(girls));
    assertThat(female.get(2)).as("their share").isEqualTo(Math.round(100.0 * girls / total925) + "%");
    assertThat(row(csv(report("925"), "equality_sex"), "All").get(1)).isEqualTo(String.format(java.util.Locale.UK, "%,d", total925));
    assertThat(row(csv(report("381"), "equality_sex"), "Female").get(1))
        .as("381's summary does not add up to its published CLA total: the whole breakdown is withheld").isEqualTo("c");
  }

  @Test
  void iro_caseloads_count_children_per_iro_on_31_march_against_the_handbook() throws IOException {
    List<List<String>> caseloads = csv(report("381"), "iro_caseloads");

    assertThat(caseloads.get(0).get(1)).isEqualTo("2024-25 (31 March 2025)");
    assertThat(row(caseloads, "IROs holding cases").subList(1, 3)).as("15 IROs in 2024-25, 13 in 2023-24").containsExactly("15", "13");
    assertThat(row(caseloads, "children's cases held").subList(1, 3)).containsExactly("815", "655");
    assertThat(row(caseloads, "average caseload (children per IRO)").subList(1, 3)).containsExactly("54.3", "50.4");
    assertThat(row(caseloads, "IROs with 50 to 70 children").get(1)).isEqualTo("7");
    assertThat(row(caseloads, "IROs with over 70 children").get(1)).as("2 IROs: withheld").isEqualTo("c");
    assertThat(row(caseloads, "IROs with under 50 children").get(1)).as("else 15 - 7 - 6 would give the 2 away").isEqualTo("c");
    assertThat(report("381").document().sections().stream().filter(s -> s.id().equals("caseloads")).findFirst().orElseThrow()
        .sentences().get(0))
        .isEqualTo("On 31 March 2025, 15 IROs held 815 children's cases, an average of 54.3 each, against the IRO Handbook's"
            + " suggested 50 to 70 (2023-24: 50.4).");
  }

  @Test
  void the_report_says_which_tables_were_not_read_at_a_recorded_version() {
    List<String> notes = report("381").document().notes();

    assertThat(notes).anyMatch(n -> n.startsWith("gold.mart_cafcass at its latest version"));
    assertThat(notes).anyMatch(n -> n.equals("gold.mart_reviews: not in the warehouse, read as empty"));
    assertThat(notes).anyMatch(n -> n.startsWith("gold.mart_disputes at version 0 (recorded"));
    assertThat(notes).as("2024-25 ended before the as-of date: no warning that it is incomplete")
        .noneMatch(n -> n.startsWith("The figures are as of"));
  }

  @Test
  void an_authority_withheld_by_the_gate_gets_no_report() {
    PublishedTables publication = PublishedTables.open(SharedSpark.session(), ReportWarehouse.warehouse(), ReportWarehouse.PUBLICATION);

    assertThatThrownBy(() -> AnnualReport.write(publication, "2024-25", "208"))
        .isInstanceOf(DrpUserException.class).hasMessageContaining("208").hasMessageContaining("withheld");
    assertThatThrownBy(() -> AnnualReport.write(publication, "2024-2025", "381"))
        .isInstanceOf(DrpUserException.class).hasMessageContaining("2024-25");
  }
}
