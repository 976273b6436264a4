package org.drpwarehouse.quality;

import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.drpwarehouse.quality.internal.GateRun;
import org.drpwarehouse.quality.internal.RuleCatalog;
import org.drpwarehouse.quality.Thresholds;
import org.drpwarehouse.schemas.policy.PolicyCatalog;

/**
 * The publication gate: runs every suite on the current silver and gold tables and decides, per
 * authority, whether its figures may be published.
 *
 * <p>Suites ({@code QualityTables.Suite}): warehouse checks (the tables exist, every record has an
 * authority, gold was built as of the date checked: a failure stops all publication); integrity
 * (unique ids, required fields, codes, plausible dates, references between tables, stages and
 * categories known to the policy: Error, one failing record withholds the authority, except the
 * child lookup of CP, partner and reverse disputes, which warns); the recording requirements of
 * each authority's own policy ({@code PolicyRules} ids, thresholds from {@link GateSettings}); and
 * drift against earlier runs (Warning).
 *
 * <p>Each run appends to {@code WAREHOUSE/quality/quality_results} and {@code
 * compliance_exceptions} ({@code QualityTables}), appends its metrics to the Deequ metrics
 * repository in {@code WAREHOUSE/quality/metrics/}, and writes {@code report.html} and {@code
 * report.md} to {@code WAREHOUSE/quality/reports/<run-id>/}.
 */
public final class QualityGate {
  private QualityGate() {}

  /**
   * Runs the gate.
   *
   * @param warehouse the warehouse URI ({@code file:} or {@code s3a:})
   * @param asOf the as-of date of the gold build being checked
   */
  public static GateResult run(SparkSession spark, URI warehouse, GateSettings settings, PolicyCatalog policies,
      LocalDate asOf) {
    return new GateRun(spark, warehouse, settings, policies, asOf).run();
  }

  /** Every rule id the gate knows, with its default thresholds, in report order. */
  public static Map<String, Thresholds> rules() {
    return RuleCatalog.defaults();
  }
}
