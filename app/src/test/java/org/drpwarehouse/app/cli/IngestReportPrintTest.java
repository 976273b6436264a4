package org.drpwarehouse.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.drpwarehouse.ingestion.FileResult;
import org.drpwarehouse.ingestion.IngestReport;
import org.junit.jupiter.api.Test;

class IngestReportPrintTest {
  private static String print(FileResult... files) {
    StringWriter text = new StringWriter();
    IngestCommand.print(new IngestReport("run-1", false, List.of(files), List.of()), new PrintWriter(text, true));
    return text.toString();
  }

  @Test
  void a_snapshot_that_deleted_records_shows_them_as_deleted_at_source() {
    String out = print(new FileResult("381/ssda903/reviews.csv", "reviews", "381", "c", FileResult.LOADED, 2, 2, 0, 1,
        Map.of()));
    assertThat(out).contains("deleted at source").doesNotContain("NO DELETIONS");
  }

  @Test
  void a_snapshot_whose_deletions_were_withheld_says_so_and_why() {
    String out = print(new FileResult("381/ssda903/reviews.csv", "reviews", "381", "c", FileResult.LOADED, 2, 1, 1, 0,
        Map.of("type.date", 1L), "a rejected record's key could not be read"));
    assertThat(out).contains("NO DELETIONS from 381/ssda903/reviews.csv: a rejected record's key could not be read");
  }
}
