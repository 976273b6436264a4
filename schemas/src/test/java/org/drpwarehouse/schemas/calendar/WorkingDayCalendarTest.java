package org.drpwarehouse.schemas.calendar;

import static java.time.LocalDate.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.stream.Stream;
import org.drpwarehouse.schemas.DrpUserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WorkingDayCalendarTest {
  private final WorkingDayCalendar calendar = WorkingDayCalendar.england();

  @Test
  void notice_on_friday_before_the_may_bank_holiday_is_due_the_next_friday() {
    assertThat(calendar.due(parse("2024-05-03"), 4))
        .as("policies.md: 4 WD from Friday 2024-05-03 skips bank holiday Monday 6 May")
        .isEqualTo(parse("2024-05-10"));
    assertThat(calendar.workingDaysBetween(parse("2024-05-03"), parse("2024-05-10"))).isEqualTo(4);
  }

  @ParameterizedTest(name = "{0} is a bank holiday in England")
  @ValueSource(
      strings = {
        "2020-05-08", // VE Day 75, moved early May bank holiday
        "2021-12-27", // substitute for Christmas Day on a Saturday
        "2021-12-28", // substitute for Boxing Day on a Sunday
        "2022-06-02", // moved spring bank holiday (Platinum Jubilee)
        "2022-06-03", // Platinum Jubilee
        "2022-09-19", // State funeral of Queen Elizabeth II
        "2022-12-27", // substitute for Christmas Day on a Sunday
        "2023-05-08", // Coronation of King Charles III
        "2024-03-29", // Good Friday
        "2024-04-01", // Easter Monday
        "2015-12-28", // substitute for Boxing Day on a Saturday
        "2030-12-25"
      })
  void one_off_and_substitute_days_are_not_working_days(String date) {
    assertThat(calendar.isWorkingDay(parse(date))).as(date + " is a day off").isFalse();
    assertThat(calendar.holidays().contains(parse(date))).isTrue();
  }

  @ParameterizedTest(name = "{0} is a working day")
  @ValueSource(strings = {"2020-05-04", "2022-05-30", "2021-12-29", "2022-12-28", "2024-04-02", "2026-11-23"})
  void ordinary_weekdays_and_the_days_moved_away_from_are_working_days(String date) {
    assertThat(calendar.isWorkingDay(parse(date))).isTrue();
  }

  @Test
  void the_nominal_day_of_a_moved_holiday_is_not_a_holiday_when_it_falls_on_a_weekday() {
    // 2020's early May bank holiday moved from Monday 4 May to Friday 8 May.
    assertThat(calendar.holidays().contains(parse("2020-05-04"))).isFalse();
  }

  @ParameterizedTest(name = "due({0}, {1}) = {2}")
  @CsvSource({
    // Christmas 2021: Sat 25, Sun 26, substitute Mon 27 and Tue 28.
    "2021-12-24, 1, 2021-12-29",
    "2021-12-24, 4, 2022-01-04", // 3 Jan 2022 is the substitute New Year's Day
    // Easter 2024: Good Friday 29 March, Easter Monday 1 April.
    "2024-03-28, 1, 2024-04-02",
    "2024-03-28, 5, 2024-04-08",
    // An event on a Saturday: the day itself never counts.
    "2024-05-04, 1, 2024-05-07",
    // Platinum Jubilee 2022: Thu 2 and Fri 3 June.
    "2022-06-01, 2, 2022-06-07",
    // State funeral, Mon 19 Sept 2022.
    "2022-09-16, 1, 2022-09-20",
    // Coronation, Mon 8 May 2023 (after the early May bank holiday on 1 May).
    "2023-04-28, 6, 2023-05-10",
    "2024-05-03, 0, 2024-05-03"
  })
  void due_date_counts_working_days_after_the_event(String from, int n, String expected) {
    assertThat(calendar.due(parse(from), n)).isEqualTo(parse(expected));
  }

  @Test
  void working_days_between_excludes_the_start_and_includes_the_end() {
    assertThat(calendar.workingDaysBetween(parse("2024-05-03"), parse("2024-05-03"))).isZero();
    assertThat(calendar.workingDaysBetween(parse("2024-05-04"), parse("2024-05-06")))
        .as("a weekend and a bank holiday Monday hold no working day")
        .isZero();
    assertThat(calendar.workingDaysBetween(parse("2024-05-10"), parse("2024-05-03"))).isEqualTo(-4);
    assertThat(calendar.workingDaysBetween(parse("2021-12-24"), parse("2022-01-04"))).isEqualTo(4);
  }

  @Test
  void due_and_workdays_agree_on_every_day_of_the_calendar_span() {
    LocalDate start = parse("2015-01-01");
    Stream.iterate(start, d -> d.plusDays(3))
        .limit(ChronoUnit.DAYS.between(start, parse("2030-06-30")) / 3)
        .forEach(
            d -> {
              for (int n = 1; n <= 20; n += 19) {
                LocalDate due = calendar.due(d, n);
                assertThat(calendar.isWorkingDay(due)).isTrue();
                assertThat(calendar.workingDaysBetween(d, due)).isEqualTo(n);
                assertThat(calendar.workingDaysBetween(d, due.minusDays(1))).isEqualTo(n - 1);
              }
            });
  }

  @Test
  void england_has_eight_bank_holidays_in_an_ordinary_year() {
    long in2019 = calendar.holidays().dates().stream().filter(d -> d.getYear() == 2019).count();
    long in2022 = calendar.holidays().dates().stream().filter(d -> d.getYear() == 2022).count();
    assertThat(in2019).isEqualTo(8);
    assertThat(in2022).as("2022 added the Jubilee and the state funeral").isEqualTo(10);
  }

  @Test
  void gov_uk_dates_win_for_the_years_the_file_covers() {
    String json =
        """
        {"england-and-wales": {"division": "england-and-wales", "events": [
          {"title": "New Year’s Day", "date": "2024-01-01", "notes": "", "bunting": true},
          {"title": "A day invented for the test", "date": "2024-07-15", "notes": "", "bunting": true}
        ]}}
        """;
    BankHolidays overlaid =
        BankHolidays.englandAndWales(2023, 2025)
            .withGovUk(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "bank-holidays.json");
    assertThat(overlaid.contains(parse("2024-07-15"))).as("the file's own day is taken").isTrue();
    assertThat(overlaid.contains(parse("2024-12-25"))).as("2024 comes from the file alone").isFalse();
    assertThat(overlaid.contains(parse("2025-12-25"))).as("other years keep the rules").isTrue();
    assertThat(overlaid.source()).contains("bank-holidays.json");
  }

  @Test
  void a_broken_gov_uk_file_is_refused_naming_the_file() {
    assertThatThrownBy(
            () ->
                BankHolidays.englandAndWales(2024, 2024)
                    .withGovUk(new ByteArrayInputStream("{\"scotland\":{}}".getBytes(StandardCharsets.UTF_8)), "bh.json"))
        .isInstanceOf(DrpUserException.class)
        .hasMessageContaining("bh.json")
        .hasMessageContaining("england-and-wales");
  }

  @Test
  void dates_outside_the_calendar_are_refused_with_its_span() {
    assertThatThrownBy(() -> calendar.due(parse("2036-01-02"), 1))
        .hasMessageContaining("2036-01-02")
        .hasMessageContaining("2035-12-31");
  }

  @Test
  void the_dimension_index_gives_wd_by_subtraction() {
    var days = calendar.days();
    assertThat(days).hasSize((int) ChronoUnit.DAYS.between(parse("2010-01-01"), parse("2036-01-01")));
    CalendarDay friday = days.stream().filter(d -> d.date().equals(parse("2024-05-03"))).findFirst().orElseThrow();
    CalendarDay nextFriday = days.stream().filter(d -> d.date().equals(parse("2024-05-10"))).findFirst().orElseThrow();
    assertThat(nextFriday.workingDayIndex() - friday.workingDayIndex()).isEqualTo(4);
    assertThat(days.stream().filter(d -> d.date().equals(parse("2024-05-06"))).findFirst().orElseThrow().workingDay())
        .isFalse();
  }
}
