package org.drpwarehouse.quality;

import java.time.LocalDate;
import org.drpwarehouse.schemas.policy.PolicyCatalog;
import org.drpwarehouse.schemas.warehouse.QualityTables;

/** Runs the gate on a tiny warehouse and looks results up by authority and rule. */
final class GateRuns {
  private GateRuns() {}

  static GateResult run(TinyWarehouse warehouse) {
    return run(warehouse, GateSettings.defaults(), TinyWarehouse.AS_OF);
  }

  static GateResult run(TinyWarehouse warehouse, GateSettings settings, LocalDate asOf) {
    return QualityGate.run(SharedSpark.session(), warehouse.uri, settings, PolicyCatalog.presets(), asOf);
  }

  static RuleOutcome outcome(GateResult result, String authority, String ruleId) {
    return result.outcomes(ruleId).stream().filter(o -> o.authority().equals(authority)).findFirst()
        .orElseThrow(() -> new AssertionError("no outcome of " + ruleId + " for " + authority + " in " + result.outcomes(ruleId)));
  }

  static RuleOutcome warehouse(GateResult result, String ruleId) {
    return outcome(result, QualityTables.WAREHOUSE_SCOPE, ruleId);
  }
}
