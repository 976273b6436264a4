package org.drpwarehouse.dashboards.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What an annual IRO report says, before it is rendered: for one authority and financial year, its
 * narrative sentences, sections, tables (each with the previous year beside it) and charts. Every
 * figure in it is already suppressed: a withheld count reads {@code c}, and a total over withheld
 * parts reads "at least" the published sum (docs/suppression.md).
 *
 * @param authority the authority code
 * @param authorityName its name as the policy bindings give it (the code when none is given)
 * @param year the financial year, e.g. {@code 2024-25}
 * @param previousYear the year before, e.g. {@code 2023-24}
 * @param publicationId the publication the figures come from
 * @param asOf the as-of date of every figure
 * @param summary the narrative-ready sentences of the front page, figures in them
 * @param sections the report's sections, in order
 * @param notes what the figures stand on: the table versions read, and anything read otherwise
 */
public record ReportDocument(String authority, String authorityName, String year, String previousYear,
    String publicationId, LocalDate asOf, List<String> summary, List<Section> sections, List<String> notes) {

  public ReportDocument {
    Objects.requireNonNull(authority, "authority");
    summary = List.copyOf(summary);
    sections = List.copyOf(sections);
    notes = List.copyOf(notes);
  }

  /** Every table of the report, in order. */
  public List<Table> tables() {
    return sections.stream().flatMap(s -> s.tables().stream()).toList();
  }

  /** One section: a heading, its sentences, tables and charts, and where its figures come from. */
  public record Section(String id, String title, List<String> sentences, List<Table> tables, List<Chart> charts,
      String source) {
    public Section {
      sentences = List.copyOf(sentences);
      tables = List.copyOf(tables);
      charts = List.copyOf(charts);
    }
  }

  /** What a cell holds, so that a check can tell a count from a share, a median or a change. */
  public enum Kind {
    LABEL,
    COUNT,
    SHARE,
    MEDIAN,
    AVERAGE,
    CHANGE,
    TEXT
  }

  /** One cell as shown: {@code 1,234}, {@code at least 12}, {@code 81%}, {@code c}, {@code +3}. */
  public record Cell(String text, Kind kind) {
    public Cell {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(kind, "kind");
    }
  }

  /**
   * One table: its id (the CSV's file name), title, caption (what it counts, in which period, and
   * the metric dictionary's name for it), column headers and rows of cells.
   */
  public record Table(String id, String title, String caption, List<String> headers, List<List<Cell>> rows) {
    public Table {
      headers = List.copyOf(headers);
      rows = rows.stream().map(List::copyOf).toList();
      for (List<Cell> row : rows) {
        if (row.size() != headers.size()) {
          throw new IllegalArgumentException("Table " + id + " has a row of " + row.size() + " cells under " + headers.size() + " headers");
        }
      }
    }
  }

  /**
   * A horizontal bar chart: one group of bars per category, one bar per series (this year, last
   * year). A null value is a withheld figure: no bar, and the label says {@code c}.
   */
  public record Chart(String id, String title, String unit, List<String> categories, List<Series> series) {
    public Chart {
      categories = List.copyOf(categories);
      series = List.copyOf(series);
    }
  }

  /** One series of a chart: its name and, per category, a value (null when withheld) and its label. */
  public record Series(String name, List<Double> values, List<String> labels) {
    public Series {
      values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
      labels = List.copyOf(labels);
    }
  }
}
