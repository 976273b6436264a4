package org.drpwarehouse.ingestion;

import java.util.List;
import java.util.Map;

/**
 * What reading one source file found: how many records, how many would load and how many would be
 * quarantined, the reasons by rule, and the first few rejected records in full.
 *
 * @param failure why the whole file is refused, or {@code null}; a refused file loads nothing
 */
public record FileCheck(
    SourceFile source,
    long read,
    long valid,
    long rejected,
    Map<String, Long> reasons,
    List<Rejection> examples,
    String failure) {

  /** One rejected record: where it is and every rule it breaks. */
  public record Rejection(long line, List<Violation> violations, String text) {}

  public FileCheck {
    reasons = Map.copyOf(reasons);
    examples = List.copyOf(examples);
  }

  public boolean failed() {
    return failure != null;
  }
}
