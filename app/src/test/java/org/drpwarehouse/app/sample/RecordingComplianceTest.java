package org.drpwarehouse.app.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.drpwarehouse.schemas.ExchangeColumns;
import org.drpwarehouse.schemas.calendar.WorkingDayCalendar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recording gap rate moves recording compliance where the quality gate looks (it warns below
 * 95% and blocks below 80%), measured both per dispute (metrics.md "recording complete") and per
 * stage opening on file.
 */
class RecordingComplianceTest {
  @TempDir Path temp;

  @Test
  void by_default_recording_is_clearly_above_90_percent() throws IOException {
    double[] compliance = compliance(GeneratorSettings.of(3, 2, 8L, temp.resolve("default")));
    assertThat(compliance[0]).as("disputes with complete recording").isGreaterThan(0.93);
    assertThat(compliance[1]).as("stage openings on file").isGreaterThan(0.95);
  }

  @Test
  void a_gap_rate_of_35_percent_gives_data_the_gate_blocks() throws IOException {
    double[] compliance = compliance(GeneratorSettings.of(3, 2, 8L, temp.resolve("gappy")).withRecordingGapRate(0.35));
    assertThat(compliance[0]).as("disputes with complete recording").isLessThan(0.75);
    assertThat(compliance[1]).as("stage openings on file").isLessThan(0.8);
  }

  @Test
  void with_no_gaps_every_dispute_is_fully_recorded() throws IOException {
    double[] compliance = compliance(GeneratorSettings.of(2, 1, 8L, temp.resolve("none")).withRecordingGapRate(0));
    assertThat(compliance[0]).isEqualTo(1.0);
  }

  /** {share of disputes with complete recording, share of STAGE_OPENED rows with recorded_on_file Y}. */
  private static double[] compliance(GeneratorSettings settings) throws IOException {
    WorkingDayCalendar calendar = WorkingDayCalendar.england();
    GenerationSummary summary = new SampleGenerator(settings, TestPolicies.all(), calendar).generate();
    LoadedSample sample = LoadedSample.load(settings.out(), summary, TestPolicies.all());
    long disputes = 0;
    long complete = 0;
    long openings = 0;
    long onFile = 0;
    for (String authority : summary.authorities()) {
      for (DisputeFacts d : DisputeFacts.of(sample, authority, calendar)) {
        disputes++;
        complete += d.recordingComplete ? 1 : 0;
      }
      List<Map<String, String>> events = sample.valid(authority, "dispute_events.csv");
      for (Map<String, String> e : events) {
        if (e.get(ExchangeColumns.EVENT_TYPE).equals("STAGE_OPENED")) {
          openings++;
          onFile += e.get(ExchangeColumns.RECORDED_ON_FILE).equals("Y") ? 1 : 0;
        }
      }
    }
    assertThat(disputes).isGreaterThan(100);
    return new double[] {(double) complete / disputes, (double) onFile / openings};
  }
}
