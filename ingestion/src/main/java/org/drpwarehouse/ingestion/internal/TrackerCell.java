package org.drpwarehouse.ingestion.internal;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One non-blank cell of a tracker sheet, as Excel stored it.
 *
 * @param ref where it is, as Excel writes it ({@code Alerts!F12}, {@code 'Alert log'!F12})
 * @param kind what Excel stored
 * @param text the value as text: a string as typed, a number in plain notation, a date cell as an
 *     ISO date, {@code TRUE}/{@code FALSE}, or the error code ({@code #REF!})
 * @param date the day of a date cell, else null
 */
record TrackerCell(String ref, Kind kind, String text, LocalDate date) {
  enum Kind {
    TEXT,
    NUMBER,
    /** A number formatted as a date in Excel: a real date, read whatever the date formats say. */
    DATE,
    BOOLEAN,
    /** An Excel error such as {@code #REF!} or {@code #VALUE!}, usually from a formula. */
    ERROR
  }

  TrackerCell {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
    if ((kind == Kind.DATE) != (date != null)) {
      throw new IllegalArgumentException("A date cell, and only a date cell, has a date: " + ref);
    }
  }
}
