package org.drpwarehouse.ingestion.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The text date formats a tracker's mapping accepts ({@code dd/MM/yyyy}, {@code d.M.yy}), checked
 * strictly: {@code 31/02/2024} is refused, not moved to March. ISO dates ({@code 2024-05-03}) are
 * always accepted too, and so are real Excel date cells (they never reach this class).
 *
 * <p>A two-digit year ({@code yy}) is read as 2000 to 2099.
 */
final class TrackerDates {
  static final List<String> DEFAULT_PATTERNS = List.of("d/M/yyyy");

  private final List<String> patterns;
  private final List<DateTimeFormatter> formatters;

  private TrackerDates(List<String> patterns, List<DateTimeFormatter> formatters) {
    this.patterns = List.copyOf(patterns);
    this.formatters = List.copyOf(formatters);
  }

  /**
   * The formats of a mapping's {@code date_formats}.
   *
   * @throws IllegalArgumentException naming the pattern that is not a date pattern
   */
  static TrackerDates of(List<String> patterns) {
    List<DateTimeFormatter> formatters = new ArrayList<>();
    for (String pattern : patterns) {
      formatters.add(formatter(pattern));
    }
    return new TrackerDates(patterns, formatters);
  }

  private static DateTimeFormatter formatter(String pattern) {
    if (!pattern.contains("d") || !pattern.contains("M") || !pattern.contains("y")) {
      throw new IllegalArgumentException("'" + pattern + "' must have a day (d), a month (M) and a year (y)");
    }
    // Strict resolving needs the proleptic year (u); people write y (year of era).
    StringBuilder strict = new StringBuilder(pattern.length());
    boolean quoted = false;
    for (char c : pattern.toCharArray()) {
      if (c == '\'') {
        quoted = !quoted;
      }
      strict.append(!quoted && c == 'y' ? 'u' : c);
    }
    try {
      return DateTimeFormatter.ofPattern(strict.toString(), Locale.UK).withResolverStyle(ResolverStyle.STRICT);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + pattern + "' is not a date pattern (" + e.getMessage() + ")", e);
    }
  }

  /** The date a text means, if it is written in an accepted format. */
  Optional<LocalDate> parse(String text) {
    String value = text.strip();
    for (DateTimeFormatter formatter : formatters) {
      try {
        return Optional.of(LocalDate.parse(value, formatter));
      } catch (DateTimeParseException e) {
        // try the next format
      }
    }
    try {
      return Optional.of(LocalDate.parse(value));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** The accepted formats, for messages. */
  String describe() {
    List<String> all = new ArrayList<>(patterns);
    all.add("yyyy-MM-dd");
    return String.join(", ", all);
  }
}
