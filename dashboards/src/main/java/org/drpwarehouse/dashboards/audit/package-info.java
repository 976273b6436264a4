/**
 * The inspector's audit pack ({@link org.drpwarehouse.dashboards.audit.AuditPack}): per-dispute
 * timelines with due dates, their derivation and on-time status, the lineage of every event to its
 * source record, the compliance exceptions of the gating run by rule and policy clause, and a
 * reproducible stratified sample for case audit ({@link
 * org.drpwarehouse.dashboards.audit.StratifiedSample}). Pseudonymised ids only.
 */
package org.drpwarehouse.dashboards.audit;
