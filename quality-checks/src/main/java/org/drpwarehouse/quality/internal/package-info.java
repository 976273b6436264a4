/**
 * The gate's workings, for this module only: {@link org.drpwarehouse.quality.internal.DeequFacade}
 * (the one place Scala types appear), the rule catalog, the pure preparation and tally transforms,
 * the drift rules, the runner that reads and writes, and the report writer.
 */
package org.drpwarehouse.quality.internal;
