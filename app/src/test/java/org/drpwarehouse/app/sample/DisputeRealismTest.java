package org.drpwarehouse.app.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.drpwarehouse.schemas.DisputeProcess;
import org.drpwarehouse.schemas.EventType;
import org.drpwarehouse.schemas.ExchangeColumns;
import org.drpwarehouse.schemas.Outcome;
import org.drpwarehouse.schemas.calendar.WorkingDayCalendar;
import org.drpwarehouse.schemas.policy.Timescale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Over three authorities and two years, the disputes have the shapes the warehouse measures:
 * mostly informal resolutions, some escalations, bypasses with and without consultation, late and
 * missing responses, extensions and holds, Cafcass referrals, open disputes, duplicates.
 */
class DisputeRealismTest {
  static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.england();
  @TempDir static Path temp;
  static LoadedSample sample;
  static List<DisputeFacts> disputes = new ArrayList<>();

  @BeforeAll
  static void generate() throws IOException {
    GeneratorSettings settings = GeneratorSettings.of(3, 2, 2024L, temp.resolve("sample"));
    GenerationSummary summary = new SampleGenerator(settings, TestPolicies.all(), CALENDAR).generate();
    sample = LoadedSample.load(settings.out(), summary, TestPolicies.all());
    for (String authority : summary.authorities()) {
      disputes.addAll(DisputeFacts.of(sample, authority, CALENDAR));
    }
  }

  static long count(Predicate<DisputeFacts> p) {
    return disputes.stream().filter(p).count();
  }

  static List<DisputeFacts.Visit> visits() {
    return disputes.stream().flatMap(d -> d.visits.stream()).toList();
  }

  @Test
  void each_authority_has_between_50_and_300_disputes_a_year() {
    for (String authority : sample.summary.authorities()) {
      long n = disputes.stream().filter(d -> d.authority.equals(authority)).count();
      assertThat(n).as(authority + " over two years").isBetween(95L, 600L);
    }
  }

  @Test
  void most_disputes_are_about_looked_after_children_with_some_cp_and_a_few_partner_and_reverse() {
    double n = disputes.size();
    assertThat(count(d -> d.process == DisputeProcess.CLA) / n).isBetween(0.65, 0.9);
    assertThat(count(d -> d.process == DisputeProcess.CP) / n).isBetween(0.07, 0.25);
    assertThat(count(d -> d.process == DisputeProcess.PARTNER)).isPositive();
    assertThat(count(d -> d.process == DisputeProcess.REVERSE)).isPositive();
  }

  @Test
  void most_disputes_are_resolved_informally_and_some_escalate() {
    long ended = count(DisputeFacts::ended);
    long informal = count(d -> d.ended() && !d.endStage.formal());
    assertThat((double) informal / ended).as(informal + " of " + ended + " ended at an informal stage").isGreaterThan(0.5);
    assertThat(count(d -> d.visits.stream().filter(v -> v.stage().formal()).count() >= 2))
        .as("reached a second formal stage").isGreaterThan(disputes.size() / 20);
    assertThat(count(d -> !d.visits.get(0).stage().formal()) / (double) disputes.size())
        .as("open informally").isGreaterThan(0.7);
  }

  @Test
  void some_stages_are_bypassed_with_and_without_a_prior_consultation() {
    List<DisputeFacts.Visit> bypasses = visits().stream().filter(DisputeFacts.Visit::bypass).toList();
    assertThat(bypasses).hasSizeGreaterThan(10);
    long consulted = bypasses.stream().filter(DisputeFacts.Visit::consulted).count();
    assertThat(consulted).as("with consultation").isPositive();
    assertThat(bypasses.size() - consulted).as("without consultation").isPositive();
    long required = 0;
    long requiredConsulted = 0;
    for (DisputeFacts d : disputes) {
      for (DisputeFacts.Visit v : d.visits) {
        if (v.bypass() && d.ladder.bypass().consultationRequired()) {
          required++;
          requiredConsulted += v.consulted() ? 1 : 0;
        }
      }
    }
    assertThat((double) requiredConsulted / required)
        .as("where the policy requires it, most bypasses are preceded by a consultation")
        .isGreaterThan(0.6);
    assertThat(count(d -> d.visits.get(0).stage().formal() && d.visits.get(0).stage().rank() > 1))
        .as("entered above formal stage 1").isPositive();
  }

  @Test
  void responses_are_mostly_on_time_some_late_some_never_given() {
    List<DisputeFacts.Visit> timed = visits().stream()
        .filter(v -> v.status() == DisputeFacts.Status.ON_TIME || v.status() == DisputeFacts.Status.LATE
            || v.status() == DisputeFacts.Status.OVERDUE)
        .toList();
    long onTime = timed.stream().filter(v -> v.status() == DisputeFacts.Status.ON_TIME).count();
    long late = timed.stream().filter(v -> v.status() == DisputeFacts.Status.LATE).count();
    long overdue = timed.stream().filter(v -> v.status() == DisputeFacts.Status.OVERDUE).count();
    assertThat((double) onTime / timed.size()).as("on time " + onTime + ", late " + late + ", overdue " + overdue)
        .isBetween(0.6, 0.92);
    assertThat(late).isGreaterThan(10);
    assertThat(overdue).isGreaterThan(5);
  }

  @Test
  void extensions_and_holds_happen_mainly_where_the_policy_provides_for_them() {
    Map<String, int[]> byPolicy = new HashMap<>(); // policy -> {visits with a due date, extensions, holds}
    for (DisputeFacts d : disputes) {
      for (DisputeFacts.Visit v : d.visits) {
        if (v.due() != null) {
          int[] c = byPolicy.computeIfAbsent(d.policy.id(), k -> new int[3]);
          c[0]++;
          c[1] += v.adjournment() == EventType.EXTENSION_AGREED ? 1 : 0;
          c[2] += v.adjournment() == EventType.ON_HOLD ? 1 : 0;
        }
      }
    }
    int[] alerts = byPolicy.get("iro-alerts-five-stage");
    int[] lambeth = byPolicy.get("lambeth");
    int[] calderdale = byPolicy.get("calderdale");
    String counts = "calderdale " + java.util.Arrays.toString(calderdale) + ", lambeth " + java.util.Arrays.toString(lambeth)
        + ", iro-alerts " + java.util.Arrays.toString(alerts);
    assertThat(alerts[1]).as("extensions where provided for: " + counts).isGreaterThan(3);
    assertThat(lambeth[2]).as("holds where provided for: " + counts).isGreaterThan(3);
    assertThat((double) alerts[1] / alerts[0]).as(counts).isGreaterThan(5.0 * (calderdale[1] + lambeth[1]) / (calderdale[0] + lambeth[0]));
    assertThat((double) lambeth[2] / lambeth[0]).as(counts).isGreaterThan(5.0 * (calderdale[2] + alerts[2]) / (calderdale[0] + alerts[0]));
    assertThat(calderdale[1] + lambeth[1] + calderdale[2] + alerts[2])
        .as("rare, but present, where the policy does not provide for them: " + counts).isPositive();
  }

  @Test
  void the_iro_often_sets_the_informal_deadline_and_occasionally_beyond_the_maximum() {
    List<DisputeFacts.Visit> setByIro = new ArrayList<>();
    for (DisputeFacts d : disputes) {
      d.visits.stream().filter(v -> v.stage().timescale().kind() == Timescale.Kind.SET_BY_IRO).forEach(setByIro::add);
    }
    long agreed = setByIro.stream().filter(v -> v.agreedOnOpening() != null).count();
    assertThat((double) agreed / setByIro.size()).isBetween(0.5, 0.9);
    long beyond = setByIro.stream()
        .filter(v -> v.agreedOnOpening() != null && v.stage().timescale().workingDays() != null
            && CALENDAR.workingDaysBetween(v.opened(), v.agreedOnOpening()) > v.stage().timescale().workingDays())
        .count();
    assertThat(beyond).as("agreed dates beyond Calderdale's 10 WD").isPositive().isLessThan(agreed / 4);
  }

  @Test
  void a_few_looked_after_disputes_go_to_cafcass_with_notice_mostly_and_never_cp_ones() {
    List<DisputeFacts> referred = disputes.stream().filter(d -> d.referral != null).toList();
    assertThat(referred).hasSizeBetween(3, disputes.size() / 15);
    assertThat(referred).allMatch(d -> d.process == DisputeProcess.CLA);
    assertThat(referred).anyMatch(d -> d.outcome == Outcome.REFERRED_TO_CAFCASS);
    assertThat(referred).as("a notice where the policy has a notice rule")
        .anyMatch(d -> d.policy.cafcass().hasNoticeRule() && d.cafcassNotice != null);
    assertThat(count(d -> d.types.contains(EventType.CAFCASS_CONSULTED) && d.referral == null))
        .as("consulted without referring").isPositive();
  }

  @Test
  void a_few_disputes_are_still_open_at_the_end_some_older_than_20_working_days() {
    LocalDate end = sample.summary.periodEnd();
    List<DisputeFacts> open = disputes.stream().filter(d -> !d.ended()).toList();
    assertThat(open).hasSizeBetween(3, disputes.size() / 10);
    assertThat(open).anyMatch(d -> CALENDAR.workingDaysBetween(d.start, end) > 20);
  }

  @Test
  void most_children_are_told_and_a_few_events_are_recorded_twice_and_files_are_out_of_order() {
    assertThat((double) count(d -> d.childInformed) / disputes.size()).isBetween(0.7, 0.95);
    assertThat(count(d -> d.duplicates > 0)).isPositive();
    assertThat(count(d -> d.writtenOutOfOrder)).as("events shuffled within a dispute").isGreaterThan(disputes.size() / 2);
  }

  @Test
  void the_constructive_challenge_raise_limit_is_mostly_kept() throws IOException {
    GeneratorSettings settings = GeneratorSettings.of(1, 1, 3L, temp.resolve("cc"));
    List<org.drpwarehouse.schemas.policy.Policy> presets = List.of(TestPolicies.constructiveChallengeLike());
    GenerationSummary summary = new SampleGenerator(settings, presets, CALENDAR).generate();
    LoadedSample cc = LoadedSample.load(settings.out(), summary, presets);
    List<DisputeFacts> facts = DisputeFacts.of(cc, "101", CALENDAR);
    List<DisputeFacts> informal = facts.stream().filter(d -> d.identified != null && !d.visits.get(0).stage().formal()).toList();
    long kept = informal.stream().filter(d -> CALENDAR.workingDaysBetween(d.identified, d.start) <= 1).count();
    assertThat((double) kept / informal.size()).as("raised within 1 WD").isBetween(0.75, 0.97);
    assertThat(facts).as("meeting stages record their meetings").anyMatch(d -> d.types.contains(EventType.MEETING_HELD));
  }

  @Test
  void disputes_are_raised_by_the_child_iro_about_children_the_authority_holds() {
    Set<String> lookedAfter = new HashSet<>();
    Set<String> protectedChildren = new HashSet<>();
    for (String authority : sample.summary.authorities()) {
      // All rows, malformed ones too: the record is still there, only one field is broken.
      sample.tables.get(authority).get("ssda903/header.csv").rows().forEach(r -> lookedAfter.add(authority + "/" + r.get("CHILD")));
      sample.tables.get(authority).get("cp_plans.csv").rows().forEach(r -> protectedChildren.add(authority + "/" + r.get("child_id")));
    }
    int matchesIro = 0;
    int total = 0;
    for (String authority : sample.summary.authorities()) {
      Map<String, List<Map<String, String>>> allocations = new HashMap<>();
      for (Map<String, String> a : sample.tables.get(authority).get("allocations.csv").rows()) {
        allocations.computeIfAbsent(a.get(ExchangeColumns.CHILD_ID), k -> new ArrayList<>()).add(a);
      }
      Map<String, LocalDate> starts = new HashMap<>();
      disputes.stream().filter(d -> d.authority.equals(authority)).forEach(d -> starts.put(d.id, d.start));
      for (Map<String, String> d : sample.valid(authority, "disputes.csv")) {
        String child = authority + "/" + d.get(ExchangeColumns.CHILD_ID);
        if (d.get(ExchangeColumns.PROCESS).equals("CP")) {
          assertThat(protectedChildren).as(d.toString()).contains(child);
        } else {
          assertThat(lookedAfter).as(d.toString()).contains(child);
        }
        LocalDate start = starts.get(d.get(ExchangeColumns.DISPUTE_ID));
        if (start == null) {
          continue;
        }
        total++;
        for (Map<String, String> a : allocations.getOrDefault(d.get(ExchangeColumns.CHILD_ID), List.of())) {
          LocalDate from = LocalDate.parse(a.get(ExchangeColumns.FROM_DATE));
          String to = a.get(ExchangeColumns.TO_DATE);
          if (!start.isBefore(from) && (to.isEmpty() || !start.isAfter(LocalDate.parse(to)))
              && a.get(ExchangeColumns.IRO_ID).equals(d.get(ExchangeColumns.RAISED_BY))) {
            matchesIro++;
            break;
          }
        }
      }
    }
    assertThat((double) matchesIro / total).as("raised_by is the IRO allocated on the start date").isGreaterThan(0.97);
  }

  @Test
  void themes_recur_for_the_same_child_within_a_year() {
    Map<String, LocalDate> lastRaised = new HashMap<>();
    int repeats = 0;
    List<DisputeFacts> byStart = new ArrayList<>(disputes);
    byStart.sort(java.util.Comparator.comparing((DisputeFacts d) -> d.start));
    for (DisputeFacts d : byStart) {
      String key = d.authority + "/" + d.child + "/" + d.category;
      LocalDate earlier = lastRaised.put(key, d.start);
      if (earlier != null && !earlier.isBefore(d.start.minusDays(365))) {
        repeats++;
      }
    }
    assertThat((double) repeats / disputes.size()).as("repeat rate: same child, same category within 365 days")
        .isBetween(0.05, 0.3);
  }

  @Test
  void categories_are_the_policy_codes_or_the_fallback_list() {
    for (String authority : sample.summary.authorities()) {
      for (Map<String, String> d : sample.valid(authority, "disputes.csv")) {
        String category = d.get(ExchangeColumns.CATEGORY);
        assertThat(TestPolicies.all().stream().anyMatch(p -> p.categories().containsKey(category))
                || DisputeGenerator.FALLBACK_CATEGORIES.contains(category))
            .as(category).isTrue();
      }
    }
  }
}
