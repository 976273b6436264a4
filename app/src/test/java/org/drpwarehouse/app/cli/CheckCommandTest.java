package org.drpwarehouse.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code drp check}: the gate's verdict as an exit status, the failing rules, and where the report is. */
class CheckCommandTest {
  @TempDir Path temp;

  @Test
  void a_warehouse_without_gold_is_blocked_and_says_what_to_do() {
    DrpRun result = DrpRun.of("--warehouse", temp.resolve("warehouse").toString(), "check", "--as-of", "2025-03-31");

    assertThat(result.status()).as(result.err()).isEqualTo(ExitCodes.GATE_BLOCKED);
    assertThat(result.out())
        .contains("Quality gate: BLOCKED")
        .contains("warehouse check failed: warehouse.tables_present")
        .contains("gold.dispute_summary")
        .contains("Report:  ")
        .contains("/quality/reports/");
  }

  @Test
  void a_gate_file_with_a_bad_threshold_is_refused_naming_the_key() throws IOException {
    Path gate = Files.writeString(temp.resolve("gate.properties"), "gate.record.stage_on_file.block=0.99\n");
    DrpRun result = DrpRun.of("--warehouse", temp.resolve("warehouse").toString(), "check", "--gate", gate.toString());

    assertThat(result.status()).isEqualTo(ExitCodes.USER_ERROR);
    assertThat(result.err()).contains("gate.record.stage_on_file.block").contains("higher than the warning threshold");
  }
}
