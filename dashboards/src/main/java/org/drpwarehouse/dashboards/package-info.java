/**
 * Dashboards and reports: the board dashboard, the Superset bundle, the annual IRO report and the
 * inspector's audit pack. Depends on {@code schemas} only. (Not built yet: see the publication
 * issue.)
 */
package org.drpwarehouse.dashboards;
