/**
 * The board dashboard in Apache Superset: {@link org.drpwarehouse.dashboards.superset.SupersetBundle}
 * builds the import bundle over the serving schema, {@link
 * org.drpwarehouse.dashboards.superset.BundleValidator} checks it offline and {@link
 * org.drpwarehouse.dashboards.superset.SupersetImporter} imports it through Superset's REST API.
 */
package org.drpwarehouse.dashboards.superset;
