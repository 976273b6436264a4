package org.drpwarehouse.dashboards.superset;

/**
 * The {@code type} a bundle's {@code metadata.yaml} declares, which decides where Superset accepts
 * it: both endpoints refuse a bundle declaring the other's type ({@code validate_metadata_type}).
 */
public enum BundleKind {
  /** {@code type: Dashboard}: for Dashboards, Import dashboard in Superset's UI. */
  DASHBOARD("Dashboard"),
  /** {@code type: assets}: for {@code POST /api/v1/assets/import/} ({@link SupersetImporter}). */
  ASSETS("assets");

  private final String metadataType;

  BundleKind(String metadataType) {
    this.metadataType = metadataType;
  }

  /** The value of {@code type} in {@code metadata.yaml}. */
  public String metadataType() {
    return metadataType;
  }
}
