/**
 * The serving database: {@link org.drpwarehouse.dashboards.serving.ServingDatabase} copies a
 * publication (suppressed board marts, inspector detail) into PostgreSQL and swaps it in atomically
 * for Superset and inspectors to read.
 */
package org.drpwarehouse.dashboards.serving;
