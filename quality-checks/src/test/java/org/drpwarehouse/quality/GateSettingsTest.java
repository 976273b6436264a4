package org.drpwarehouse.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.drpwarehouse.schemas.DrpUserException;
import org.drpwarehouse.schemas.policy.PolicyRules;
import org.junit.jupiter.api.Test;

/** The gate's thresholds: defaults, per-rule and per-authority overrides, and errors naming the key. */
class GateSettingsTest {
  @Test
  void recording_rules_warn_below_95_and_block_below_80_percent_by_default() {
    GateSettings settings = GateSettings.defaults();
    assertThat(settings.thresholds("381", PolicyRules.STAGE_ON_FILE)).isEqualTo(new Thresholds(0.95, 0.80));
    assertThat(settings.thresholds("381", PolicyRules.CHILD_INFORMED).blocks())
        .as("the child-informed rule only warns").isFalse();
    assertThat(settings.thresholds("381", "integrity.event_dispute_exists"))
        .as("one failing record warns, more than 1% blocks").isEqualTo(new Thresholds(1.0, 0.99));
    assertThat(settings.thresholds("381", "integrity.unique.disputes")).isEqualTo(Thresholds.EVERY_RECORD);
  }

  @Test
  void thresholds_decide_the_status_of_a_share() {
    Thresholds t = Thresholds.RECORDING;
    assertThat(t.status(0.96)).isEqualTo("PASS");
    assertThat(t.status(0.95)).as("at the warning threshold is a pass").isEqualTo("PASS");
    assertThat(t.status(0.90)).isEqualTo("WARN");
    assertThat(t.status(0.80)).as("at the blocking threshold still publishes").isEqualTo("WARN");
    assertThat(t.status(0.79)).isEqualTo("BLOCK");
    assertThat(t.status(null)).isEqualTo("NOT_APPLICABLE");
  }

  @Test
  void an_authority_override_falls_back_on_the_rule_setting_then_the_default() {
    GateSettings settings = GateSettings.parse(Map.of(
        "gate.record.form_attached.block", "0.7",
        "gate.381.record.form_attached.block", "0.5",
        "gate.202.record.stage_on_file.warn", "0.9",
        "warehouse", "file:/elsewhere"), "gate.properties");
    assertThat(settings.thresholds("381", PolicyRules.FORM_ATTACHED)).isEqualTo(new Thresholds(0.95, 0.5));
    assertThat(settings.thresholds("202", PolicyRules.FORM_ATTACHED)).isEqualTo(new Thresholds(0.95, 0.7));
    assertThat(settings.thresholds("202", PolicyRules.STAGE_ON_FILE)).isEqualTo(new Thresholds(0.9, 0.8));
    assertThat(settings.thresholds("381", PolicyRules.STAGE_ON_FILE)).isEqualTo(Thresholds.RECORDING);
  }

  @Test
  void block_none_makes_a_rule_warn_only() {
    GateSettings settings = GateSettings.parse(Map.of("gate.record.ending_on_file.block", "none"), "gate.properties");
    assertThat(settings.thresholds("381", PolicyRules.ENDING_ON_FILE)).isEqualTo(Thresholds.warnOnly(0.95));
  }

  @Test
  void a_value_outside_0_to_1_names_its_key() {
    assertThatThrownBy(() -> GateSettings.parse(Map.of("gate.record.stage_on_file.warn", "95"), "gate.properties"))
        .isInstanceOf(DrpUserException.class)
        .hasMessageContaining("gate.properties: gate.record.stage_on_file.warn")
        .hasMessageContaining("outside 0 to 1");
  }

  @Test
  void a_block_above_the_warning_threshold_is_refused() {
    assertThatThrownBy(() -> GateSettings.parse(Map.of("gate.381.record.stage_on_file.block", "0.97"), "gate.properties"))
        .isInstanceOf(DrpUserException.class)
        .hasMessageContaining("gate.381.record.stage_on_file.block")
        .hasMessageContaining("higher than the warning threshold 0.95");
  }

  @Test
  void an_unknown_rule_or_a_text_value_is_refused() {
    assertThatThrownBy(() -> GateSettings.parse(Map.of("gate.record.stage_on_fille.warn", "0.9"), "f"))
        .isInstanceOf(DrpUserException.class).hasMessageContaining("names no rule the gate knows");
    assertThatThrownBy(() -> GateSettings.parse(Map.of("gate.record.stage_on_file.warn", "high"), "f"))
        .isInstanceOf(DrpUserException.class).hasMessageContaining("not a number");
    assertThatThrownBy(() -> GateSettings.parse(Map.of("gate.record.stage_on_file", "0.9"), "f"))
        .isInstanceOf(DrpUserException.class).hasMessageContaining("does not end in .warn or .block");
  }

  @Test
  void a_warning_rule_cannot_be_made_to_block() {
    assertThatThrownBy(() -> GateSettings.parse(Map.of("gate.record.child_informed.block", "0.5"), "f"))
        .isInstanceOf(DrpUserException.class).hasMessageContaining("which only warns");
  }
}
