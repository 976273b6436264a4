/**
 * Dashboards and reports: everything a person reads. Built: {@link
 * org.drpwarehouse.dashboards.SmallNumberSuppression} (no count from 1 to 5 is published or can be
 * worked out; docs/suppression.md) and {@link org.drpwarehouse.dashboards.BoardSite}, the corporate
 * parenting board's static dashboard, with its {@link org.drpwarehouse.dashboards.BoardPublication}.
 * To come: the Superset bundle, the annual IRO report and the inspector's audit pack. Depends on
 * {@code schemas} only; {@code .internal} is this module's own.
 */
package org.drpwarehouse.dashboards;
