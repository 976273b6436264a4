package org.drpwarehouse.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.drpwarehouse.dashboards.report.OutstandingDisputes;
import org.drpwarehouse.schemas.calendar.WorkingDayCalendar;
import org.junit.jupiter.api.Test;

/** The outstanding disputes list: every open dispute, by team, with its due date and how late it is. */
class OutstandingDisputesTest {
  @Test
  void every_open_dispute_is_listed_by_team_with_the_working_days_it_is_overdue() throws Exception {
    PublishedTables publication = PublishedTables.open(SharedSpark.session(), AuditWarehouse.warehouse(), AuditWarehouse.PUBLICATION);
    WorkingDayCalendar calendar = WorkingDayCalendar.england();

    OutstandingDisputes.Written list = OutstandingDisputes.write(publication, "381", calendar);

    assertThat(list.open()).as("D-1 and the five open disputes among D-2..D-31 (every sixth)").isEqualTo(6);
    assertThat(list.overdue()).as("only D-1's stage 2 is overdue").isEqualTo(1);
    List<String> lines = Files.readAllLines(Path.of(list.csv()));
    assertThat(lines).hasSize(7);
    String d1 = lines.stream().filter(l -> l.contains(",D-1,")).findFirst().orElseThrow();
    int overdue = calendar.workingDaysBetween(LocalDate.of(2024, 5, 24), LocalDate.of(2025, 6, 30));
    long days = java.time.temporal.ChronoUnit.DAYS.between(LocalDate.of(2024, 5, 24), LocalDate.of(2025, 6, 30));
    assertThat(d1).as("stage 2 due 24 May 2024 after its extension, no response by 30 June 2025")
        .startsWith("Children in Care 2,D-1," + AuditWarehouse.CHILD + ",CLA,stage2,2024-05-13,2024-05-24,OVERDUE," + overdue + "," + days + ",");
    String page = BoardSiteBrowserTest.text(Files.readString(Path.of(list.html())));
    assertThat(page).contains("Outstanding disputes on 30 June 2025").contains("Children in Care 2 1 open, 1 overdue")
        .contains("(no team recorded) 5 open, 0 overdue");
  }
}
