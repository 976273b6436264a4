/**
 * Transforms: Spark jobs that conform bronze into silver and rebuild every dispute's stage timeline
 * against its policy into gold. Depends on {@code schemas} only. (Not built yet: see the transforms
 * issue.)
 */
package org.drpwarehouse.transforms;
