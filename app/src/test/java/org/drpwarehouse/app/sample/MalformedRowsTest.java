package org.drpwarehouse.app.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.drpwarehouse.schemas.ExchangeFormat;
import org.drpwarehouse.schemas.RecordSpec;
import org.drpwarehouse.schemas.Ssda903;
import org.drpwarehouse.schemas.calendar.WorkingDayCalendar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed rows of every kind, counted exactly, and never a broken CSV. */
class MalformedRowsTest {
  @TempDir Path temp;

  @Test
  void at_a_high_rate_every_kind_appears_and_each_is_counted_by_kind() throws IOException {
    GeneratorSettings settings = GeneratorSettings.of(2, 1, 11L, temp.resolve("sample")).withMalformedRate(0.05);
    GenerationSummary summary = new SampleGenerator(settings, TestPolicies.all(), WorkingDayCalendar.england()).generate();
    // Csv.read fails on any structural break: wrong field count, bad quoting, CR.
    LoadedSample sample = LoadedSample.load(settings.out(), summary, TestPolicies.all());

    EnumMap<MalformedKind, Long> found = new EnumMap<>(MalformedKind.class);
    for (Map<Problem, Integer> byProblem : sample.problems.values()) {
      byProblem.forEach((problem, count) -> found.merge(
          problem.kind().orElseThrow(() -> new AssertionError("not an injected kind: " + problem)), (long) count, Long::sum));
    }
    for (MalformedKind kind : MalformedKind.values()) {
      assertThat(summary.malformedByKind().get(kind)).as(kind + " injected").isPositive();
      assertThat(found.getOrDefault(kind, 0L)).as(kind + " found in the files").isEqualTo(summary.malformedByKind().get(kind));
    }
    for (RecordSpec spec : LoadedSample.SPECS) {
      String file = OutputLayout.within(spec);
      assertThat(sample.problemCount(file)).as(file).isEqualTo(summary.file(file).malformed());
    }
    double share = (double) summary.totalMalformed() / (summary.totalRows() - summary.file("policy_bindings.csv").rows()
        - summary.file("drp-extract.yaml").rows());
    assertThat(share).as("about the rate asked for").isBetween(0.04, 0.06);
  }

  @Test
  void a_corrupted_line_keeps_its_field_count_and_quoting() {
    MalformedRows rows = new MalformedRows(1.0, Dice.of(3L, 0, Dice.Purpose.MALFORMED));
    String line = "101,D-2024-00001,566910,CLA,IRO-101-01,2024-05-01,\"Drift, in care planning\",,Children in Care 1";
    for (int i = 0; i < 200; i++) {
      MalformedRows.Corruption c = rows.maybeCorrupt(ExchangeFormat.DISPUTES, line);
      assertThat(CsvLine.split(c.line())).as(c.line()).hasSize(9);
      assertThat(CsvLine.split(c.line()).get(1)).as("the record id is never blanked").isEqualTo("D-2024-00001");
      assertThat(c.kind()).isIn(MalformedKind.BAD_DATE, MalformedKind.MISSING_REQUIRED, MalformedKind.UNKNOWN_CODE);
    }
  }

  @Test
  void ssda903_bad_dates_are_impossible_days_or_the_iso_spelling() {
    MalformedRows rows = new MalformedRows(1.0, Dice.of(4L, 0, Dice.Purpose.MALFORMED));
    String line = "566910,27/03/2008,30/08/2017,PN6";
    int bad = 0;
    for (int i = 0; i < 100; i++) {
      MalformedRows.Corruption c = rows.maybeCorrupt(Ssda903.REVIEWS, line);
      if (c.kind() == MalformedKind.BAD_DATE) {
        bad++;
        List<String> fields = CsvLine.split(c.line());
        assertThat(List.of(fields.get(1), fields.get(2)))
            .as(c.line())
            .anyMatch(v -> List.of("31/02/2024", "2024-13-40", "31/04/2023", "29/02/2023").contains(v));
      }
    }
    assertThat(bad).isPositive();
  }
}
