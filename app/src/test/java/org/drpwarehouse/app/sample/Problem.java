package org.drpwarehouse.app.sample;

import java.util.Map;
import java.util.Optional;
import org.drpwarehouse.schemas.Column;
import org.drpwarehouse.schemas.ColumnType;
import org.drpwarehouse.schemas.EventType;
import org.drpwarehouse.schemas.ExchangeColumns;
import org.drpwarehouse.schemas.ExchangeFormat;
import org.drpwarehouse.schemas.RecordSpec;
import org.drpwarehouse.schemas.Ssda903;
import org.drpwarehouse.schemas.Ssda903Columns;

/**
 * What a test finds wrong with a row, read against its contract alone (cross-file problems, an
 * orphan event or an unknown stage, are found by {@link LoadedSample}). The first three and the
 * last two are the kinds the generator injects; the others must never occur.
 */
enum Problem {
  MISSING_REQUIRED,
  BAD_DATE,
  UNKNOWN_CODE,
  BAD_VALUE,
  CONDITIONAL_MISSING,
  ORPHAN_EVENT,
  UNKNOWN_STAGE;

  /** The injected kind this problem reveals, if it is one. */
  Optional<MalformedKind> kind() {
    return switch (this) {
      case MISSING_REQUIRED -> Optional.of(MalformedKind.MISSING_REQUIRED);
      case BAD_DATE -> Optional.of(MalformedKind.BAD_DATE);
      case UNKNOWN_CODE -> Optional.of(MalformedKind.UNKNOWN_CODE);
      case ORPHAN_EVENT -> Optional.of(MalformedKind.ORPHAN_EVENT);
      case UNKNOWN_STAGE -> Optional.of(MalformedKind.UNKNOWN_STAGE);
      default -> Optional.empty();
    };
  }

  /**
   * The first problem of a row against its contract: column types ({@link ColumnType#parse}),
   * codes ({@link Column#allows}), required and conditionally required columns; {@code null} when
   * it has none.
   */
  static Problem of(RecordSpec spec, Map<String, String> row) {
    for (Column column : spec.columns()) {
      String value = row.get(column.name());
      if (value == null) {
        throw new IllegalStateException(spec.name() + " row lacks column " + column.name());
      }
      if (value.isEmpty()) {
        if (column.isRequired()) {
          return MISSING_REQUIRED;
        }
        continue;
      }
      try {
        column.type().parse(value);
      } catch (IllegalArgumentException e) {
        boolean date = column.type() == ColumnType.DATE || column.type() == ColumnType.DATE_DMY
            || column.type() == ColumnType.DATE_LIST;
        return date ? BAD_DATE : BAD_VALUE;
      }
      if (!column.allows(value)) {
        return UNKNOWN_CODE;
      }
    }
    if (spec.equals(Ssda903.EPISODES) && !row.get(Ssda903Columns.DEC).isEmpty() && row.get(Ssda903Columns.REC).isEmpty()) {
      return CONDITIONAL_MISSING;
    }
    if (spec.equals(ExchangeFormat.DISPUTE_EVENTS)) {
      EventType type = EventType.valueOf(row.get(ExchangeColumns.EVENT_TYPE));
      if (type.stageRequired() && row.get(ExchangeColumns.STAGE).isEmpty()
          || type.agreedDateRequired() && row.get(ExchangeColumns.AGREED_DATE).isEmpty()
          || type.endsDispute() && row.get(ExchangeColumns.OUTCOME).isEmpty()) {
        return CONDITIONAL_MISSING;
      }
    }
    return null;
  }
}
