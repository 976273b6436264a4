package org.drpwarehouse.app.publish;

import java.util.List;
import org.drpwarehouse.dashboards.serving.ServingTarget;

/**
 * Defaults for the Superset bundle of a publication made without a serving database: the bundle
 * still names a connection (Superset asks for its password at import, and an administrator can
 * edit its address), so every publication folder holds a bundle.
 */
final class SupersetConnections {
  private SupersetConnections() {}

  static final String DEFAULT_NAME = "DRP Warehouse serving";
  static final String DEFAULT_USER = "drp_reader";

  static ServingTarget placeholderTarget() {
    return new ServingTarget("jdbc:postgresql://localhost:5432/drp", DEFAULT_USER, "", ServingTarget.DEFAULT_BOARD_SCHEMA,
        ServingTarget.DEFAULT_INSPECTOR_SCHEMA, List.of());
  }
}
