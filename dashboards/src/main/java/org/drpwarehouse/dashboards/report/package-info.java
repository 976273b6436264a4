/**
 * The annual IRO report ({@link org.drpwarehouse.dashboards.report.AnnualReport}: a financial year's
 * figures with the year before beside them, narrative-ready sentences and charts, printable HTML,
 * Markdown and CSV, suppressed as the board dashboard is) and the outstanding disputes list for
 * IRO managers ({@link org.drpwarehouse.dashboards.report.OutstandingDisputes}). Both are built from
 * a publication ({@link org.drpwarehouse.dashboards.PublishedTables}) into its folder.
 */
package org.drpwarehouse.dashboards.report;
