/**
 * Dashboards and reports: everything a person reads. Built: {@link
 * org.drpwarehouse.dashboards.SmallNumberSuppression} (no count from 1 to 5 is published or can be
 * worked out; docs/suppression.md) and {@link org.drpwarehouse.dashboards.BoardSite}, the corporate
 * parenting board's static dashboard, with its {@link org.drpwarehouse.dashboards.BoardPublication}.
 * {@link org.drpwarehouse.dashboards.PublishedTables} reads the tables of a publication at the Delta
 * versions it recorded, for the annual IRO report ({@code .report}), the inspector's audit pack
 * ({@code .audit}) and the outstanding disputes list. Depends on {@code schemas} only; {@code
 * .internal} is this module's own.
 */
package org.drpwarehouse.dashboards;
