package org.drpwarehouse.app.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.drpwarehouse.schemas.Column;
import org.drpwarehouse.schemas.ColumnType;
import org.drpwarehouse.schemas.ExchangeColumns;
import org.drpwarehouse.schemas.ExchangeFormat;
import org.drpwarehouse.schemas.RecordSpec;

/**
 * Replaces a share of rows with malformed ones of the kinds a real extract has (see {@link
 * MalformedKind}), each kind drawn among those the file can have. Works on the written line, so a
 * malformed value can be one no row record could hold, and re-quotes it, so the CSV itself stays
 * sound. Uses its own random stream: changing the rate does not change the data around it.
 */
final class MalformedRows {
  private static final List<String> BAD_ISO = List.of("2024-13-40", "2023-02-29", "31/02/2024", "2024-04-31");
  private static final List<String> BAD_DMY = List.of("31/02/2024", "2024-13-40", "31/04/2023", "29/02/2023");
  private static final List<String> BAD_STAGES = List.of("Stage 2", "stage_2", "level 3", "escalation", "DRP 1");
  /** Wrong codes people actually type: an old label, a neighbour of the list, the sex as a letter. */
  private static final Map<String, String> BAD_CODES =
      Map.ofEntries(
          Map.entry("SEX", "M"), Map.entry("ETHNIC", "WBR"), Map.entry("MOTHER", "2"), Map.entry("RNE", "X"),
          Map.entry("LS", "C3"), Map.entry("CIN", "N9"), Map.entry("PLACE", "U7"), Map.entry("PLACE_PROVIDER", "PR6"),
          Map.entry("REC", "E99"), Map.entry("REASON_PLACE_CHANGE", "MOVE"), Map.entry("REVIEW_CODE", "PN8"),
          Map.entry("MISSING", "X"), Map.entry("process", "LAC"), Map.entry("event_type", "ESCALATED"),
          Map.entry("to_role", "MANAGER"), Map.entry("outcome", "AGREED"), Map.entry("initial_category", "NEGLECT"));

  /** A malformed line and what is wrong with it. */
  record Corruption(String line, MalformedKind kind) {}

  private final double rate;
  private final Dice dice;

  MalformedRows(double rate, Dice dice) {
    this.rate = rate;
    this.dice = dice;
  }

  /** A malformed replacement for {@code line}, or {@code null} to keep it. */
  Corruption maybeCorrupt(RecordSpec spec, String line) {
    if (rate <= 0 || !dice.chance(rate)) {
      return null;
    }
    List<String> fields = new ArrayList<>(CsvLine.split(line));
    List<Column> columns = spec.columns();
    List<Integer> dates = new ArrayList<>();
    List<Integer> required = new ArrayList<>();
    List<Integer> codes = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      Column column = columns.get(i);
      ColumnType type = column.type();
      if (type == ColumnType.DATE || type == ColumnType.DATE_DMY || type == ColumnType.DATE_LIST) {
        dates.add(i);
      }
      if (column.isRequired() && !spec.naturalKey().contains(column.name()) && !fields.get(i).isEmpty()) {
        required.add(i);
      }
      if (type == ColumnType.CODE) {
        codes.add(i);
      }
    }
    boolean events = spec.name().equals(ExchangeFormat.DISPUTE_EVENTS.name());
    int stage = events ? spec.columnNames().indexOf(ExchangeColumns.STAGE) : -1;
    List<MalformedKind> kinds = new ArrayList<>();
    if (!dates.isEmpty()) {
      kinds.add(MalformedKind.BAD_DATE);
    }
    if (!required.isEmpty()) {
      kinds.add(MalformedKind.MISSING_REQUIRED);
    }
    if (!codes.isEmpty()) {
      kinds.add(MalformedKind.UNKNOWN_CODE);
    }
    if (events && !fields.get(stage).isEmpty()) {
      kinds.add(MalformedKind.UNKNOWN_STAGE);
    }
    if (events) {
      kinds.add(MalformedKind.ORPHAN_EVENT);
    }
    MalformedKind kind = dice.pick(kinds);
    switch (kind) {
      case BAD_DATE -> {
        int i = dice.pick(dates);
        fields.set(i, dice.pick(columns.get(i).type() == ColumnType.DATE_DMY ? BAD_DMY : BAD_ISO));
      }
      case MISSING_REQUIRED -> fields.set(dice.pick(required), "");
      case UNKNOWN_CODE -> {
        int i = dice.pick(codes);
        fields.set(i, badCode(columns.get(i)));
      }
      case UNKNOWN_STAGE -> fields.set(stage, dice.pick(BAD_STAGES));
      case ORPHAN_EVENT -> fields.set(
          spec.columnNames().indexOf(ExchangeColumns.DISPUTE_ID), String.format("D-0000-%05d", dice.below(100_000)));
    }
    return new Corruption(CsvLine.join(fields), kind);
  }

  private static String badCode(Column column) {
    String bad = BAD_CODES.getOrDefault(column.name(), "ZZ");
    if (column.allowedValues().contains(bad)) {
      throw new IllegalStateException("The malformed code " + bad + " is a valid " + column.name());
    }
    return bad;
  }
}
