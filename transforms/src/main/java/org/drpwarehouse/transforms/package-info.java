/**
 * Transforms: Spark jobs that conform bronze into silver and rebuild every dispute's stage timeline
 * against its policy into gold. Depends on {@code schemas} only.
 *
 * <p>Silver: {@link org.drpwarehouse.transforms.SilverBuild} runs {@link
 * org.drpwarehouse.transforms.SilverConformance} ({@link org.drpwarehouse.transforms.TypedRecords},
 * {@link org.drpwarehouse.transforms.LatestVersions}, {@link
 * org.drpwarehouse.transforms.Pseudonymiser}) over every bronze table. Gold is not built yet.
 */
package org.drpwarehouse.transforms;
