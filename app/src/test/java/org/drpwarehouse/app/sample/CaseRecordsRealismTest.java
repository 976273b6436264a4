package org.drpwarehouse.app.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drpwarehouse.schemas.ExchangeColumns;
import org.drpwarehouse.schemas.calendar.WorkingDayCalendar;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SSDA903, allocation and child protection rows look like a real authority's: a few hundred
 * children, valid and plausible codes, reviews at the statutory intervals with a minority late,
 * allocations for every child, conferences at their intervals.
 */
class CaseRecordsRealismTest {
  static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/uuuu");
  static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.england();
  @TempDir static Path temp;
  static LoadedSample sample;
  static LocalDate start;
  static LocalDate end;

  @BeforeAll
  static void generate() throws IOException {
    GeneratorSettings settings = GeneratorSettings.of(3, 3, 31L, temp.resolve("sample"));
    GenerationSummary summary = new SampleGenerator(settings, TestPolicies.all(), CALENDAR).generate();
    sample = LoadedSample.load(settings.out(), summary, TestPolicies.all());
    start = summary.periodStart();
    end = summary.periodEnd();
  }

  static LocalDate dmy(String text) {
    return LocalDate.parse(text, DMY);
  }

  @Test
  void each_authority_looks_after_a_few_hundred_children_over_three_years() {
    List<Integer> sizes = new ArrayList<>();
    for (String authority : sample.summary.authorities()) {
      int children = sample.tables.get(authority).get("ssda903/header.csv").rows().size();
      sizes.add(children);
      assertThat(children).as(authority).isBetween(120, 900);
    }
    assertThat(new HashSet<>(sizes)).as("sizes vary by authority").hasSizeGreaterThan(1);
  }

  @Test
  void every_child_has_one_to_four_episodes_chained_from_a_start_of_care() {
    for (String authority : sample.summary.authorities()) {
      Map<String, List<Map<String, String>>> byChild = new LinkedHashMap<>();
      sample.valid(authority, "ssda903/episodes.csv").forEach(e -> byChild.computeIfAbsent(e.get("CHILD"), k -> new ArrayList<>()).add(e));
      for (List<Map<String, String>> episodes : byChild.values()) {
        assertThat(episodes).hasSizeBetween(1, 4);
        for (int i = 0; i + 1 < episodes.size(); i++) {
          assertThat(episodes.get(i).get("DEC")).as("an episode ends when the next begins").isEqualTo(episodes.get(i + 1).get("DECOM"));
          assertThat(episodes.get(i).get("REC")).isEqualTo("X1");
          assertThat(episodes.get(i + 1).get("RNE")).isNotEqualTo("S");
        }
      }
      long started = byChild.values().stream().filter(e -> e.get(0).get("RNE").equals("S")).count();
      assertThat((double) started / byChild.size()).as("first episodes start care").isGreaterThan(0.95);
      long continuing = byChild.values().stream().filter(e -> e.get(e.size() - 1).get("DEC").isEmpty()).count();
      assertThat(continuing).as("children still looked after at the extract date").isPositive().isLessThan(byChild.size());
    }
  }

  @Test
  void children_are_0_to_17_and_identifiers_have_their_real_shape() {
    Map<String, Integer> ethnic = new HashMap<>();
    int rows = 0;
    for (String authority : sample.summary.authorities()) {
      Map<String, LocalDate> firstEpisode = new HashMap<>();
      sample.valid(authority, "ssda903/episodes.csv").forEach(e -> firstEpisode.putIfAbsent(e.get("CHILD"), dmy(e.get("DECOM"))));
      for (Map<String, String> h : sample.valid(authority, "ssda903/header.csv")) {
        rows++;
        ethnic.merge(h.get("ETHNIC"), 1, Integer::sum);
        assertThat(h.get("CHILD")).matches("\\d{6}");
        assertThat(h.get("UPN")).matches("[A-HJ-NP-RT-Z]\\d{12}|UN1");
        LocalDate careStart = firstEpisode.get(h.get("CHILD"));
        if (careStart != null) {
          assertThat(Period.between(dmy(h.get("DOB")), careStart).getYears()).isBetween(0, 17);
        }
      }
      for (Map<String, String> e : sample.valid(authority, "ssda903/episodes.csv")) {
        if (!e.get("HOME_POST").isEmpty()) {
          assertThat(e.get("HOME_POST")).as("a postcode in an area no real one has").matches("[QVX][A-Z]\\d{1,2} \\d[A-Z]{2}");
        }
      }
    }
    assertThat(ethnic.get("WBRI") / (double) rows).as("mostly white British, as nationally").isBetween(0.45, 0.8);
  }

  @Test
  void reviews_follow_the_statutory_intervals_with_a_minority_late_and_pn0_for_under_fours() {
    int first = 0;
    int firstInTime = 0;
    int later = 0;
    int laterInTime = 0;
    for (String authority : sample.summary.authorities()) {
      Map<String, LocalDate> careStart = new HashMap<>();
      sample.valid(authority, "ssda903/episodes.csv").stream().filter(e -> e.get("RNE").equals("S"))
          .forEach(e -> careStart.put(e.get("CHILD"), dmy(e.get("DECOM"))));
      Map<String, List<LocalDate>> reviews = new LinkedHashMap<>();
      for (Map<String, String> r : sample.valid(authority, "ssda903/reviews.csv")) {
        LocalDate held = dmy(r.get("REVIEW"));
        reviews.computeIfAbsent(r.get("CHILD"), k -> new ArrayList<>()).add(held);
        int age = Period.between(dmy(r.get("DOB")), held).getYears();
        assertThat(r.get("REVIEW_CODE").equals("PN0")).as(r + " is PN0 exactly when under 4").isEqualTo(age < 4);
        assertThat(CALENDAR.isWorkingDay(held)).as(r.toString()).isTrue();
        assertThat(held).isBeforeOrEqualTo(end);
      }
      for (Map.Entry<String, List<LocalDate>> child : reviews.entrySet()) {
        LocalDate cared = careStart.get(child.getKey());
        List<LocalDate> dates = child.getValue();
        if (cared == null) {
          continue;
        }
        first++;
        firstInTime += CALENDAR.workingDaysBetween(cared, dates.get(0)) <= 20 ? 1 : 0;
        for (int i = 1; i < dates.size(); i++) {
          later++;
          laterInTime += !dates.get(i).isAfter(dates.get(i - 1).plusMonths(i == 1 ? 3 : 6)) ? 1 : 0;
        }
      }
    }
    assertThat((double) firstInTime / first).as("first reviews within 20 WD").isBetween(0.85, 0.99);
    assertThat((double) laterInTime / later).as("later reviews within 3 or 6 months").isBetween(0.85, 0.99);
  }

  @Test
  void a_few_children_are_unaccompanied_asylum_seekers_and_some_go_missing() {
    for (String authority : sample.summary.authorities()) {
      int children = sample.tables.get(authority).get("ssda903/header.csv").rows().size();
      int uasc = sample.tables.get(authority).get("ssda903/uasc.csv").rows().size();
      assertThat(uasc).as(authority).isPositive().isLessThan(children / 10);
      assertThat(sample.tables.get(authority).get("ssda903/missing.csv").rows()).as(authority).isNotEmpty();
    }
  }

  @Test
  void every_child_has_allocations_with_teams_social_workers_and_8_to_15_iros_that_change_over_time() {
    for (String authority : sample.summary.authorities()) {
      Set<String> allocated = new HashSet<>();
      Set<String> iros = new HashSet<>();
      Set<String> teams = new HashSet<>();
      Map<String, Integer> perChild = new HashMap<>();
      for (Map<String, String> a : sample.tables.get(authority).get("allocations.csv").rows()) {
        allocated.add(a.get(ExchangeColumns.CHILD_ID));
        iros.add(a.get(ExchangeColumns.IRO_ID));
        teams.add(a.get(ExchangeColumns.TEAM));
        perChild.merge(a.get(ExchangeColumns.CHILD_ID), 1, Integer::sum);
      }
      sample.tables.get(authority).get("ssda903/header.csv").rows()
          .forEach(h -> assertThat(allocated).as("looked-after child " + h.get("CHILD")).contains(h.get("CHILD")));
      sample.tables.get(authority).get("cp_plans.csv").rows()
          .forEach(p -> assertThat(allocated).as("child on a plan " + p.get("child_id")).contains(p.get("child_id")));
      assertThat(iros).hasSizeBetween(8, 15);
      assertThat(teams).contains("Children in Care 1", "Leaving Care", "Safeguarding 1").hasSizeGreaterThan(5);
      assertThat(perChild.values().stream().filter(n -> n > 1).count()).as("allocations change").isGreaterThan(perChild.size() / 3);
    }
  }

  @Test
  void protection_plans_have_conferences_first_within_3_months_then_6_monthly() {
    int first = 0;
    int firstInTime = 0;
    int plans = 0;
    for (String authority : sample.summary.authorities()) {
      for (Map<String, String> p : sample.valid(authority, "cp_plans.csv")) {
        plans++;
        LocalDate planStart = LocalDate.parse(p.get("plan_start"));
        String planEnd = p.get("plan_end");
        assertThat(planStart).isBeforeOrEqualTo(end);
        if (!planEnd.isEmpty()) {
          assertThat(LocalDate.parse(planEnd)).isAfter(planStart).isAfterOrEqualTo(start);
        }
        if (!p.get("review_dates").isEmpty()) {
          first++;
          LocalDate conference = LocalDate.parse(p.get("review_dates").split(";")[0]);
          firstInTime += !conference.isAfter(planStart.plusMonths(3)) ? 1 : 0;
        }
      }
    }
    assertThat(plans).isGreaterThan(150);
    assertThat((double) firstInTime / first).isBetween(0.85, 0.99);
  }
}
