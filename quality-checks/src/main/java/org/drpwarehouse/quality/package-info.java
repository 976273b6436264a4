/**
 * The publication gate: Deequ suites over the silver and gold tables that enforce data integrity and
 * the recording requirements of each authority's own policy, and decide per authority whether its
 * figures may be published. Entry point: {@link org.drpwarehouse.quality.QualityGate#run}; thresholds:
 * {@link org.drpwarehouse.quality.GateSettings}; result: {@link org.drpwarehouse.quality.GateResult}.
 * Depends on {@code schemas} only; {@code .internal} (the Deequ facade, the rules, the transforms and
 * the runner) is for this module alone.
 */
package org.drpwarehouse.quality;
