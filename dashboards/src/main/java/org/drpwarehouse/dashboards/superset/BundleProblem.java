package org.drpwarehouse.dashboards.superset;

import java.util.Objects;

/**
 * One thing wrong with a Superset bundle: the file (its path inside the root folder, or the ZIP
 * entry), the field (a dotted path such as {@code params.metrics[0]} or {@code
 * position.ROW-headlines.children[2]}; empty for the file as a whole) and what is wrong.
 */
public record BundleProblem(String file, String field, String problem) {
  public BundleProblem {
    Objects.requireNonNull(file, "file");
    field = field == null ? "" : field;
    Objects.requireNonNull(problem, "problem");
  }

  @Override
  public String toString() {
    return file + (field.isEmpty() ? "" : ": " + field) + ": " + problem;
  }
}
