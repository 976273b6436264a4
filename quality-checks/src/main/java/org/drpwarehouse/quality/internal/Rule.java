package org.drpwarehouse.quality.internal;

import java.util.Objects;
import org.drpwarehouse.quality.Thresholds;
import org.drpwarehouse.schemas.warehouse.QualityTables;

/**
 * One named rule of a suite, evaluated record by record on one {@link Frame}.
 *
 * @param id the rule id ({@code record.stage_on_file}, {@code integrity.unique.disputes}, ...)
 * @param suite a {@link QualityTables.Suite} value
 * @param error Deequ level Error (can block) or Warning (never blocks, whatever the thresholds)
 * @param frame the table it reads
 * @param scopeSql the records it applies to; {@code null} for all
 * @param passSql true for a record that meets it; null counts as failing
 * @param detailSql for recording rules: the exception's words, per failing record; else {@code null}
 * @param clause the contract or seed clause; {@code null} for recording rules, whose clause is the
 *     dispute's own policy's ({@link PolicyClauses#column(String)})
 * @param hint what a person can do about a failure
 * @param defaults the thresholds unless the gate settings say otherwise
 * @param warehouseWide judged over the whole warehouse: a failure stops all publication
 */
public record Rule(
    String id,
    String suite,
    boolean error,
    Frame frame,
    String scopeSql,
    String passSql,
    String detailSql,
    String clause,
    String hint,
    Thresholds defaults,
    boolean warehouseWide) {

  public Rule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(suite, "suite");
    Objects.requireNonNull(frame, "frame");
    Objects.requireNonNull(passSql, "passSql");
    Objects.requireNonNull(hint, "hint");
    Objects.requireNonNull(defaults, "defaults");
    if (!id.matches("[a-z][a-z0-9_]*(\\.[A-Za-z0-9_]+)+")) {
      throw new IllegalArgumentException("Cannot use rule id '" + id + "': use dotted lower-case words");
    }
    if (clause == null && detailSql == null) {
      throw new IllegalArgumentException("Rule " + id + " needs a fixed clause or, as a recording rule, a detail");
    }
  }

  /** A recording rule: its clause comes from each dispute's policy, its failures are compliance exceptions. */
  public boolean recording() {
    return clause == null;
  }

  public String severity() {
    return error ? QualityTables.Severity.ERROR : QualityTables.Severity.WARNING;
  }

  /** The rule's scope and pass predicates with nulls made explicit, for Deequ. */
  String deequPass() {
    return "coalesce((" + passSql + "), false)";
  }
}
