/**
 * Quality checks: Deequ suites that enforce the recording requirements and data integrity; failing
 * Error-level checks block publication. Depends on {@code schemas} only. (Not built yet: see the
 * quality gate issue.)
 */
package org.drpwarehouse.quality;
