/**
 * Ingestion: Spring Batch jobs that read SSDA903 CSVs, the DRP exchange format, tracker spreadsheets
 * and a case-management database into bronze Delta tables, quarantining every bad record with its
 * reason. Depends on {@code schemas} only. (Not built yet: see the ingestion issue.)
 */
package org.drpwarehouse.ingestion;
