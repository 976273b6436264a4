package org.drpwarehouse.dashboards.report;

import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.drpwarehouse.dashboards.SmallNumberSuppression;

/**
 * A count as a page may show it: published, withheld ({@code c}), or a total of several cells
 * that adds up the published ones only ("at least", when some were withheld). Totals of counts
 * each 0 or above 5 give nothing away that their parts do not (docs/suppression.md).
 */
record Fig(long value, boolean withheld, boolean partial) {
  static final Fig ZERO = new Fig(0, false, false);
  static final Fig WITHHELD = new Fig(0, true, false);

  static Fig of(Row row, String column) {
    if (row == null) {
      return ZERO;
    }
    List<String> suppressed = row.getList(row.fieldIndex(SmallNumberSuppression.SUPPRESSED));
    Object value = row.get(row.fieldIndex(column));
    if (suppressed.contains(column) || value == null) {
      return WITHHELD;
    }
    return new Fig(((Number) value).longValue(), false, false);
  }

  /** The sum of the published cells; withheld when every non-zero part is withheld. */
  static Fig sum(List<Fig> parts) {
    long total = 0;
    boolean anyWithheld = false;
    boolean anyPublished = false;
    for (Fig f : parts) {
      if (f.withheld) {
        anyWithheld = true;
      } else {
        anyPublished = true;
        total += f.value;
        anyWithheld |= f.partial;
      }
    }
    if (anyWithheld && (!anyPublished || total == 0)) {
      return WITHHELD;
    }
    return new Fig(total, false, anyWithheld);
  }

  boolean exact() {
    return !withheld && !partial;
  }

  boolean shown() {
    return !withheld;
  }

  String text() {
    if (withheld) {
      return SmallNumberSuppression.SHOWN_AS;
    }
    String n = String.format(Locale.UK, "%,d", value);
    return partial ? "at least " + n : n;
  }

  /** In a sentence: the figure, or {@code c (withheld)} (it is small, or would give a small one away). */
  String words() {
    return withheld ? SmallNumberSuppression.SHOWN_AS + " (withheld)" : text();
  }

  /** {@code 81%}, when both parts are exact and the whole is not zero; else {@code c} (or "\u2013" for 0 of 0). */
  static String share(Fig part, Fig whole) {
    if (part.exact() && whole.exact()) {
      return whole.value == 0 ? "\u2013" : percent((double) part.value / whole.value);
    }
    return SmallNumberSuppression.SHOWN_AS;
  }

  /** The share as a number, or null when it cannot be shown. */
  static Double shareValue(Fig part, Fig whole) {
    return part.exact() && whole.exact() && whole.value > 0 ? 100.0 * part.value / whole.value : null;
  }

  /**
   * A share over several rows, taken over the rows whose two parts are both exact; marked {@code *}
   * when some rows were left out (docs/suppression.md, "Shares"). {@code c} when none is left.
   */
  static String shareOver(List<Fig> parts, List<Fig> wholes) {
    Double value = shareOverValue(parts, wholes);
    if (value == null) {
      long all = wholes.stream().filter(Fig::exact).mapToLong(Fig::value).sum();
      return wholes.stream().allMatch(Fig::exact) && all == 0 ? "\u2013" : SmallNumberSuppression.SHOWN_AS;
    }
    boolean leftOut = false;
    for (int i = 0; i < parts.size(); i++) {
      leftOut |= !(parts.get(i).exact() && wholes.get(i).exact());
    }
    return Math.round(value) + "%" + (leftOut ? "*" : "");
  }

  static Double shareOverValue(List<Fig> parts, List<Fig> wholes) {
    long top = 0;
    long bottom = 0;
    for (int i = 0; i < parts.size(); i++) {
      if (parts.get(i).exact() && wholes.get(i).exact()) {
        top += parts.get(i).value();
        bottom += wholes.get(i).value();
      }
    }
    return bottom == 0 ? null : 100.0 * top / bottom;
  }

  static String percent(double share) {
    return Math.round(share * 100) + "%";
  }

  /** {@code +3}, {@code −2}, {@code 0} between two exact figures; {@code c} otherwise. */
  static String change(Fig now, Fig before) {
    if (!now.exact() || !before.exact()) {
      return SmallNumberSuppression.SHOWN_AS;
    }
    long d = now.value - before.value;
    return d > 0 ? "+" + String.format(Locale.UK, "%,d", d) : d < 0 ? "\u2212" + String.format(Locale.UK, "%,d", -d) : "0";
  }
}
