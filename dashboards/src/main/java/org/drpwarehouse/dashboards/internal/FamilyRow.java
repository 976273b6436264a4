package org.drpwarehouse.dashboards.internal;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One mart row as {@link SuppressionEngine} reads it: its table, its key (the key columns' values
 * joined, unique within the table), its other columns as text (null where empty), and its counts
 * (null where the mart has none).
 */
public record FamilyRow(String table, String key, Map<String, String> dims, Map<String, Long> counts) {
  public FamilyRow {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(key, "key");
    dims = Collections.unmodifiableMap(new HashMap<>(dims));
    counts = Collections.unmodifiableMap(new HashMap<>(counts));
  }

  /** The text of a dimension column, or null. */
  public String dim(String column) {
    return dims.get(column);
  }
}
