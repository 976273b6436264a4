package org.drpwarehouse.app.sample;

import java.util.ArrayList;
import java.util.List;
import org.drpwarehouse.schemas.ExchangeFormat;
import org.drpwarehouse.schemas.ExtractManifest;
import org.drpwarehouse.schemas.RecordSpec;
import org.drpwarehouse.schemas.Ssda903;

/**
 * Where each file goes, the layout ingestion relies on:
 *
 * <pre>
 * OUT/policy_bindings.csv
 * OUT/&lt;authority&gt;/drp-extract.yaml
 * OUT/&lt;authority&gt;/ssda903/header.csv episodes.csv reviews.csv uasc.csv missing.csv
 * OUT/&lt;authority&gt;/disputes.csv dispute_events.csv allocations.csv cp_plans.csv review_decisions.csv
 * </pre>
 */
final class OutputLayout {
  private OutputLayout() {}

  static final String BINDINGS = "policy_bindings.csv";
  static final String SSDA903_FOLDER = "ssda903";
  /** The exchange files, in the order they are written (disputes before their events). */
  static final List<RecordSpec> EXCHANGE =
      List.of(
          ExchangeFormat.DISPUTES, ExchangeFormat.DISPUTE_EVENTS, ExchangeFormat.ALLOCATIONS, ExchangeFormat.CP_PLANS,
          ExchangeFormat.REVIEW_DECISIONS);

  /** The path of a contract's file inside an authority's folder. */
  static String within(RecordSpec spec) {
    return Ssda903.ALL.contains(spec) ? SSDA903_FOLDER + "/" + spec.csvFileName() : spec.csvFileName();
  }

  /** Every file of the layout, the bindings file first, then an authority's files. */
  static List<String> files() {
    List<String> files = new ArrayList<>();
    files.add(BINDINGS);
    files.add(ExtractManifest.FILE_NAME);
    for (RecordSpec spec : Ssda903.ALL) {
      files.add(within(spec));
    }
    for (RecordSpec spec : EXCHANGE) {
      files.add(within(spec));
    }
    return files;
  }
}
