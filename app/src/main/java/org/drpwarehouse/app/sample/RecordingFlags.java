package org.drpwarehouse.app.sample;

import java.util.ArrayList;
import java.util.List;
import org.drpwarehouse.schemas.EventType;
import org.drpwarehouse.schemas.rows.DisputeEvent;

/**
 * Sets {@code recorded_on_file} and {@code form_attached} on a dispute's events.
 *
 * <p>Gaps cluster by dispute, as they do in practice (one worker's file is incomplete, not every
 * file a little): a share {@code gapRate} of disputes is sloppy, and in a sloppy dispute each
 * required record (each stage opening on file, each formal opening's form attached, the ending on
 * file) is missing four times in five, at least one always. The rest are fully recorded. So the
 * share of disputes with complete recording (metrics.md) is about {@code 1 - gapRate}, and the
 * share of required records present about {@code 1 - 0.8 gapRate}: with the default 0.03 about
 * 97% and 98%, above the gate's 95% warning; with 0.35 about 65% and 72%, below its 80% block.
 * A missing flag is {@code N} mostly and empty otherwise (empty counts as not recorded).
 */
final class RecordingFlags {
  private final double gapRate;

  RecordingFlags(double gapRate) {
    this.gapRate = gapRate;
  }

  /** Events with ids from {@code nextEventId}, in the order of {@code steps}. */
  List<DisputeEvent> apply(
      String authority, String disputeId, List<Step> steps, java.util.function.Supplier<String> nextEventId, Dice dice) {
    int n = steps.size();
    Boolean[] onFile = new Boolean[n];
    Boolean[] form = new Boolean[n];
    boolean[] onFileRequired = new boolean[n];
    boolean[] formRequired = new boolean[n];
    boolean sloppy = dice.chance(gapRate);
    List<int[]> requiredSlots = new ArrayList<>(); // {index, 0 = on file, 1 = form}
    boolean anyMissing = false;
    for (int i = 0; i < n; i++) {
      Step step = steps.get(i);
      boolean opening = step.type() == EventType.STAGE_OPENED;
      onFileRequired[i] = opening || step.type().endsDispute();
      formRequired[i] = opening && step.stage().formal();
      if (onFileRequired[i]) {
        onFile[i] = sloppy && dice.chance(0.8) ? gap(dice) : Boolean.TRUE;
        requiredSlots.add(new int[] {i, 0});
        anyMissing |= onFile[i] != Boolean.TRUE;
      } else {
        onFile[i] = dice.chance(sloppy ? 0.5 : 0.03) ? gap(dice) : Boolean.TRUE;
      }
      if (formRequired[i]) {
        form[i] = sloppy && dice.chance(0.8) ? gap(dice) : Boolean.TRUE;
        requiredSlots.add(new int[] {i, 1});
        anyMissing |= form[i] != Boolean.TRUE;
      } else if (opening) {
        form[i] = dice.chance(0.5) ? Boolean.TRUE : null; // no form is required informally
      }
    }
    if (sloppy && !anyMissing && !requiredSlots.isEmpty()) {
      int[] slot = dice.pick(requiredSlots);
      if (slot[1] == 0) {
        onFile[slot[0]] = gap(dice);
      } else {
        form[slot[0]] = gap(dice);
      }
    }
    List<DisputeEvent> events = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Step s = steps.get(i);
      events.add(new DisputeEvent(
          authority, nextEventId.get(), disputeId, s.date(), s.type(), s.stage() == null ? null : s.stage().id(),
          s.toRole(), onFile[i], form[i], s.agreedDate(), s.outcome()));
    }
    return events;
  }

  private static Boolean gap(Dice dice) {
    return dice.chance(0.7) ? Boolean.FALSE : null;
  }
}
