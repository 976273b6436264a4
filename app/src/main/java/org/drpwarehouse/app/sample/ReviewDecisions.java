package org.drpwarehouse.app.sample;

import java.io.IOException;
import java.time.LocalDate;
import org.drpwarehouse.schemas.rows.ReviewDecision;
import org.drpwarehouse.schemas.rows.Ssda903Review;

/**
 * When review decisions were sent and answered, for authorities on the {@value #PRESET} preset
 * (the only seed with those duties: decisions to the team manager within 5 WD of the review, the
 * manager's response within 5 WD of receipt). Most of an authority's reviews while it is bound to
 * that preset have a row; most are on time, some late, a few never sent or never answered.
 */
final class ReviewDecisions {
  static final String PRESET = "iro-alerts-five-stage";

  private final WorkingDays days;

  ReviewDecisions(WorkingDays days) {
    this.days = days;
  }

  void generate(Authority authority, Caseload caseload, Dice dice, CsvSink out) throws IOException {
    if (!authority.everBound(PRESET)) {
      return;
    }
    for (LookedAfterChild child : caseload.lookedAfter()) {
      for (Ssda903Review review : child.reviews()) {
        LocalDate held = review.review();
        if (held.isBefore(authority.periodStart()) || !authority.policyOn(held).id().equals(PRESET)) {
          continue;
        }
        if (!dice.chance(0.9)) {
          continue;
        }
        double u = dice.unit();
        LocalDate sent = u < 0.8 ? days.after(held, dice.between(1, 5)) : u < 0.95 ? days.after(held, dice.between(6, 15)) : null;
        LocalDate answered = null;
        if (sent != null) {
          double v = dice.unit();
          answered = v < 0.75 ? days.after(sent, dice.between(1, 5)) : v < 0.9 ? days.after(sent, dice.between(6, 12)) : null;
        }
        out.write(new ReviewDecision(
            authority.code(), child.id(), held, notAfter(sent, authority.periodEnd()),
            notAfter(answered, authority.periodEnd())));
      }
    }
  }

  /** Dates after the extract do not exist yet. */
  private static LocalDate notAfter(LocalDate date, LocalDate end) {
    return date == null || date.isAfter(end) ? null : date;
  }
}
