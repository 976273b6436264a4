package org.drpwarehouse.app.sample;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.drpwarehouse.schemas.DisputeProcess;
import org.drpwarehouse.schemas.policy.Ladder;
import org.drpwarehouse.schemas.policy.Policy;
import org.drpwarehouse.schemas.rows.Dispute;
import org.drpwarehouse.schemas.rows.DisputeEvent;
import org.drpwarehouse.schemas.rows.Ssda903Review;

/**
 * Makes one authority's disputes and their events, and writes them as it goes.
 *
 * <p>50 to 300 disputes a year by the authority's size, on working days spread over the year.
 * Mostly about looked-after children, some about children on protection plans, a few challenges
 * to partner agencies and reverse challenges. Raised by the child's IRO (or conference chair) on
 * the day, often soon after a review; the category is one of the bound policy's own codes (the
 * first few of them more common), and about one dispute in seven repeats a theme raised for the
 * same child in the past year. Disputes started in the last months may be left open; a few events
 * are recorded twice under different ids; each dispute's events are written in shuffled order,
 * since file order must not matter to the warehouse.
 */
final class DisputeGenerator {
  /** Used where a policy maps no category codes of its own. */
  static final List<String> FALLBACK_CATEGORIES =
      List.of(
          "CARE_PLAN", "CONTACT", "DRIFT", "EDUCATION_PEP", "HEALTH", "NO_ALLOCATED_SW", "PERMANENCE",
          "PLACEMENT", "REVIEW_PREP", "SAFEGUARDING", "VISITS");
  private static final DateTimeFormatter COMPACT = DateTimeFormatter.BASIC_ISO_DATE;
  private static final Weighted<DisputeProcess> PROCESS =
      Weighted.<DisputeProcess>builder()
          .add(DisputeProcess.CLA, 78).add(DisputeProcess.CP, 14).add(DisputeProcess.PARTNER, 5)
          .add(DisputeProcess.REVERSE, 3)
          .build();

  private final WorkingDays days;
  private final LadderWalk walk;
  private final RecordingFlags flags;

  DisputeGenerator(WorkingDays days, double recordingGapRate) {
    this.days = days;
    this.walk = new LadderWalk(days);
    this.flags = new RecordingFlags(recordingGapRate);
  }

  /** A dispute raised earlier, remembered for a year so that themes can recur for a child. */
  private record Earlier(LocalDate start, DisputeProcess process, String child, String category) {}

  /** Where an authority's ids and rare-event quotas have got to. */
  private static final class Counters {
    int dispute;
    int event;
    final Quota referrals;
    final Quota consultations;

    Counters(Dice dice) {
      // About one looked-after dispute in forty is referred to Cafcass; one in fifty more consults.
      referrals = new Quota(0.025, dice);
      consultations = new Quota(0.02, dice);
    }
  }

  void generate(Authority authority, Caseload caseload, Dice dice, CsvSink disputes, CsvSink events)
      throws IOException {
    Counters counters = new Counters(dice);
    Deque<Earlier> pastYear = new ArrayDeque<>();
    Map<String, Weighted<String>> categoryMix = new HashMap<>(); // lookup by policy id only
    LocalDate yearStart = authority.periodStart();
    while (yearStart.isBefore(authority.periodEnd())) {
      LocalDate yearEnd = yearStart.plusYears(1).minusDays(1);
      int count = (int) Math.round(110 * authority.size() * (0.85 + 0.3 * dice.unit()));
      count = Math.max(50, Math.min(300, count));
      List<LocalDate> starts = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        starts.add(workingDayIn(yearStart, yearEnd, dice));
      }
      starts.sort(Comparator.naturalOrder());
      for (LocalDate start : starts) {
        while (!pastYear.isEmpty() && pastYear.peekFirst().start().isBefore(start.minusDays(365))) {
          pastYear.removeFirst();
        }
        one(authority, caseload, start, dice, counters, pastYear, categoryMix, disputes, events);
      }
      yearStart = yearStart.plusYears(1);
    }
  }

  private void one(
      Authority authority, Caseload caseload, LocalDate start, Dice dice, Counters counters, Deque<Earlier> pastYear,
      Map<String, Weighted<String>> categoryMix, CsvSink disputesOut, CsvSink eventsOut) throws IOException {
    Policy policy = authority.policyOn(start);
    DisputeProcess process = PROCESS.draw(dice);
    String child = null;
    String category = null;
    if (dice.chance(0.15)) {
      Earlier earlier = repeatable(pastYear, process, caseload, start, dice);
      if (earlier != null) {
        child = earlier.child();
        category = earlier.category();
      }
    }
    if (child == null) {
      if (process == DisputeProcess.CP) {
        ProtectedChild chosen = caseload.anyOnPlan(start, dice);
        if (chosen == null) {
          process = DisputeProcess.CLA; // no plan running that day: it becomes a looked-after dispute
        } else {
          child = chosen.id();
        }
      }
      if (child == null) {
        LookedAfterChild chosen = caseload.anyInCare(start, dice);
        if (chosen == null) {
          return; // nobody in care that day in a tiny authority: no dispute
        }
        child = chosen.id();
      }
    }
    if (category == null) {
      category = categoryMix.computeIfAbsent(policy.id(), id -> categories(policy, dice)).draw(dice);
    }
    Ladder ladder = policy.ladder(process);
    LocalDate identified = identified(ladder, start, dice);
    String reviewId = reviewId(caseload, process, child, identified == null ? start : identified, dice);
    CaseHolder holder = caseload.holderOn(child, start);
    String iro = holder != null ? holder.iro() : dice.pick(caseload.workforce().iros());
    String team = holder != null && dice.chance(0.9) ? holder.team().name() : null;
    boolean stuck = dice.chance(start.isAfter(authority.periodEnd().minusDays(120)) ? 0.12 : 0.003);

    String disputeId = String.format("D-%d-%05d", start.getYear(), ++counters.dispute);
    CafcassRoute.Plan cafcass =
        stuck ? CafcassRoute.Plan.NONE : CafcassRoute.draw(process, counters.referrals, counters.consultations, dice);
    List<Step> steps = new ArrayList<>(walk.walk(policy, process, start, stuck, cafcass, dice));
    // Events after the extract date do not exist yet: this is what leaves recent disputes open.
    steps.removeIf(step -> step.date().isAfter(authority.periodEnd()));
    steps.sort(Comparator.comparing(Step::date).thenComparing(step -> step.stage() == null ? -1 : step.type().sameDayOrder()));
    List<DisputeEvent> events =
        new ArrayList<>(flags.apply(authority.code(), disputeId, steps, () -> String.format("E-%07d", ++counters.event), dice));
    if (dice.chance(0.015)) {
      DisputeEvent twin = dice.pick(events);
      events.add(new DisputeEvent(
          twin.authority(), String.format("E-%07d", ++counters.event), twin.disputeId(), twin.eventDate(),
          twin.eventType(), twin.stage(), twin.toRole(), twin.recordedOnFile(), twin.formAttached(),
          twin.agreedDate(), twin.outcome()));
    }
    dice.shuffle(events);
    disputesOut.write(new Dispute(authority.code(), disputeId, child, process, iro, identified, category, reviewId, team));
    for (DisputeEvent event : events) {
      eventsOut.write(event);
    }
    pastYear.addLast(new Earlier(start, process, child, category));
  }

  /** An earlier dispute of the same process whose child is still eligible today, or {@code null}. */
  private static Earlier repeatable(
      Deque<Earlier> pastYear, DisputeProcess process, Caseload caseload, LocalDate start, Dice dice) {
    List<Earlier> candidates = new ArrayList<>();
    Iterator<Earlier> it = pastYear.descendingIterator();
    while (it.hasNext() && candidates.size() < 40) {
      Earlier e = it.next();
      if (e.process() == process && caseload.holderOn(e.child(), start) != null) {
        candidates.add(e);
      }
    }
    return candidates.isEmpty() ? null : dice.pick(candidates);
  }

  /** The policy's category codes, sorted (never in map order), the first few more common. */
  private static Weighted<String> categories(Policy policy, Dice dice) {
    List<String> codes = new ArrayList<>(policy.categories().keySet());
    if (codes.isEmpty()) {
      codes.addAll(FALLBACK_CATEGORIES);
    }
    codes.sort(Comparator.naturalOrder());
    dice.shuffle(codes); // each authority has its own commonest themes
    Weighted.Builder<String> mix = Weighted.builder();
    for (int i = 0; i < codes.size(); i++) {
      mix.add(codes.get(i), 1.0 / (i + 2));
    }
    return mix.build();
  }

  /**
   * A few WD before the start; where the policy sets a raise limit (constructive challenge: 1 WD),
   * most IROs keep to it. Now and then not recorded.
   */
  private LocalDate identified(Ladder ladder, LocalDate start, Dice dice) {
    if (dice.chance(0.03)) {
      return null;
    }
    Integer limit = ladder.informalRaiseLimitWd();
    int lag;
    if (limit != null) {
      lag = dice.chance(0.88) ? dice.between(0, limit) : dice.between(limit + 1, limit + 5);
    } else {
      lag = dice.between(0, 8);
    }
    return days.before(start, lag);
  }

  /** The review or conference held up to a month before, for most disputes that follow one. */
  private static String reviewId(Caseload caseload, DisputeProcess process, String child, LocalDate by, Dice dice) {
    LocalDate last = null;
    String prefix;
    if (process == DisputeProcess.CP) {
      prefix = "C-";
      ProtectedChild c = find(caseload.protectedChildren(), ProtectedChild::id, child);
      if (c != null) {
        last = c.lastConferenceOnOrBefore(by);
      }
    } else {
      prefix = "R-";
      LookedAfterChild c = find(caseload.lookedAfter(), LookedAfterChild::id, child);
      if (c != null) {
        for (Ssda903Review review : c.reviews()) {
          if (!review.review().isAfter(by)) {
            last = review.review();
          }
        }
      }
    }
    if (last == null || last.isBefore(by.minusDays(30)) || !dice.chance(0.6)) {
      return null;
    }
    return prefix + child + "-" + last.format(COMPACT);
  }

  private static <T> T find(List<T> children, java.util.function.Function<T, String> idOf, String id) {
    // Ids are numbers rising with list position, so a binary search finds the child.
    int wanted = Integer.parseInt(id);
    int low = 0;
    int high = children.size() - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      int cmp = Integer.compare(Integer.parseInt(idOf.apply(children.get(mid))), wanted);
      if (cmp == 0) {
        return children.get(mid);
      }
      if (cmp < 0) {
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return null;
  }

  private LocalDate workingDayIn(LocalDate from, LocalDate to, Dice dice) {
    int span = (int) (to.toEpochDay() - from.toEpochDay());
    LocalDate date = from.plusDays(dice.between(0, span));
    while (!days.calendar().isWorkingDay(date)) {
      date = date.plusDays(1);
    }
    if (date.isAfter(to)) {
      date = days.before(to.plusDays(1), 1);
    }
    return date;
  }
}
