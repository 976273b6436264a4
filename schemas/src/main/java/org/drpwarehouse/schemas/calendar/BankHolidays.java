package org.drpwarehouse.schemas.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.Year;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.drpwarehouse.schemas.DrpUserException;

/**
 * England and Wales bank holidays: the days off actually taken, substitute days and one-off days
 * included (2020-05-08, 2022-06-02, 2022-09-19, 2023-05-08, ...).
 *
 * <p>The rules come from jollyday (UK, subdivision {@code eng}). Where an authority drops in the
 * official gov.uk {@code bank-holidays.json}, its {@code england-and-wales} dates win for every year
 * the file covers (it starts in 2018); jollyday fills the other years.
 */
public final class BankHolidays {
  /** jollyday's subdivision of the UK calendar for England (and Wales). */
  private static final String ENGLAND = "eng";

  private final NavigableSet<LocalDate> dates;
  private final String source;

  private BankHolidays(NavigableSet<LocalDate> dates, String source) {
    this.dates = Collections.unmodifiableNavigableSet(dates);
    this.source = source;
  }

  /** The jollyday rules for every year from {@code firstYear} to {@code lastYear} inclusive. */
  public static BankHolidays englandAndWales(int firstYear, int lastYear) {
    HolidayManager manager = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.UNITED_KINGDOM));
    NavigableSet<LocalDate> dates = new TreeSet<>();
    for (int year = firstYear; year <= lastYear; year++) {
      for (Holiday holiday : manager.getHolidays(Year.of(year), ENGLAND)) {
        // In jollyday 2.x getDate() is the day off as observed (the substitute Monday 2021-12-27),
        // while getActualDate() is the nominal day (Saturday 2021-12-25). Working days depend on
        // the day off, so getDate() it is; the calendar tests pin this down.
        dates.add(holiday.getDate());
      }
    }
    return new BankHolidays(dates, "jollyday UK/eng " + firstYear + "-" + lastYear);
  }

  /**
   * These holidays with the gov.uk list laid over them: for each year the list covers, its dates
   * replace the rule-based ones.
   *
   * @param json the content of {@code https://www.gov.uk/bank-holidays.json}
   * @param name the file name, for error messages
   */
  public BankHolidays withGovUk(InputStream json, String name) {
    Map<Integer, Set<LocalDate>> byYear = new TreeMap<>();
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(json);
    } catch (IOException e) {
      throw new DrpUserException(name, "is not readable JSON (" + e.getMessage() + ")",
          "download it again from gov.uk/bank-holidays.json", e);
    }
    JsonNode events = root == null ? null : root.path("england-and-wales").path("events");
    if (events == null || !events.isArray() || events.isEmpty()) {
      throw new DrpUserException(name, "has no england-and-wales.events list",
          "use the gov.uk bank-holidays.json file unchanged");
    }
    int index = 0;
    for (JsonNode event : events) {
      String text = event.path("date").asText("");
      try {
        LocalDate date = LocalDate.parse(text);
        byYear.computeIfAbsent(date.getYear(), y -> new TreeSet<>()).add(date);
      } catch (DateTimeParseException e) {
        throw new DrpUserException(name + ": england-and-wales.events[" + index + "].date",
            "'" + text + "' is not an ISO date", "use the gov.uk bank-holidays.json file unchanged", e);
      }
      index++;
    }
    NavigableSet<LocalDate> merged = new TreeSet<>();
    for (LocalDate date : dates) {
      if (!byYear.containsKey(date.getYear())) {
        merged.add(date);
      }
    }
    byYear.values().forEach(merged::addAll);
    return new BankHolidays(merged, source + ", overlaid by " + name + " for " + byYear.keySet());
  }

  public boolean contains(LocalDate date) {
    return dates.contains(date);
  }

  public NavigableSet<LocalDate> dates() {
    return dates;
  }

  /** Where the dates come from, for the record of a build. */
  public String source() {
    return source;
  }
}
