/**
 * Transforms: Spark jobs that conform bronze into silver and rebuild every dispute's stage timeline
 * against its policy into gold. Depends on {@code schemas} only.
 *
 * <p>Silver: {@link org.drpwarehouse.transforms.SilverBuild} runs {@link
 * org.drpwarehouse.transforms.SilverConformance} ({@link org.drpwarehouse.transforms.TypedRecords},
 * {@link org.drpwarehouse.transforms.LatestVersions}, {@link
 * org.drpwarehouse.transforms.Pseudonymiser}) over every bronze table; {@link
 * org.drpwarehouse.transforms.Children} derives {@code silver.children} from the SSDA903 header and
 * episodes.
 *
 * <p>Gold: {@link org.drpwarehouse.transforms.ReviewTimeliness} and {@link
 * org.drpwarehouse.transforms.ReviewDecisionTimeliness} judge reviews against their statutory and
 * policy limits; {@link org.drpwarehouse.transforms.Marts} builds every mart from the gold tables
 * (one class per mart, with {@link org.drpwarehouse.transforms.Periods} and {@link
 * org.drpwarehouse.transforms.Breakdowns}); each writes exactly its contract's schema through {@link
 * org.drpwarehouse.transforms.ContractProjection}.
 */
package org.drpwarehouse.transforms;
