package org.drpwarehouse.schemas.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.drpwarehouse.schemas.Role;

/** Assertions shared by the preset tests; every one carries the seed words it checks. */
final class PresetAsserts {
  private PresetAsserts() {}

  static Policy preset(String id) {
    return PolicyCatalog.presets().latest(id);
  }

  /** Stage ids in ladder order, with their formal flags and ranks (informal 0, formal 1..K). */
  static void assertLadderOrder(Ladder ladder, List<String> ids, List<Boolean> formal, List<Integer> ranks, SeedQuote quote) {
    assertThat(ladder.stages()).extracting(Stage::id).as(quote.says("stage ids in ladder order")).containsExactlyElementsOf(ids);
    assertThat(ladder.stages()).extracting(Stage::formal).as(quote.says("formal flags")).containsExactlyElementsOf(formal);
    assertThat(ladder.stages()).extracting(Stage::rank).as(quote.says("ranks")).containsExactlyElementsOf(ranks);
  }

  /** One stage: who responds, how long they have, and what counts as the response. */
  static void assertStage(
      Ladder ladder, String id, Role responder, Timescale timescale, ResponseKind response, SeedQuote quote) {
    assertThat(ladder.stage(id)).as(quote.says("stage " + id + " exists")).isPresent();
    Stage stage = ladder.stage(id).orElseThrow();
    assertThat(stage.responder()).as(quote.says(id + " responder")).isEqualTo(responder);
    assertThat(stage.timescale().kind()).as(quote.says(id + " timescale kind")).isEqualTo(timescale.kind());
    assertThat(stage.timescale().workingDays()).as(quote.says(id + " timescale WD")).isEqualTo(timescale.workingDays());
    assertThat(stage.response()).as(quote.says(id + " response")).isEqualTo(response);
    assertThat(stage.clause()).as(quote.says(id + " cites its seed clause")).isNotBlank();
  }
}
