package org.drpwarehouse.quality.internal;

import java.net.URI;
import java.util.List;
import org.drpwarehouse.schemas.ExchangeColumns;
import org.drpwarehouse.schemas.ExchangeFormat;
import org.drpwarehouse.schemas.RecordSpec;
import org.drpwarehouse.schemas.Ssda903;
import org.drpwarehouse.schemas.Ssda903Columns;
import org.drpwarehouse.schemas.warehouse.GoldTables;
import org.drpwarehouse.schemas.warehouse.SilverSchemas;
import org.drpwarehouse.schemas.warehouse.TableContract;
import org.drpwarehouse.schemas.warehouse.WarehouseTables;

/**
 * A table the gate checks, as the suites see it: where it lives, its key, how a failing record is
 * named in the results, and whether the warehouse is unusable without it.
 */
public enum Frame {
  DISPUTES(ExchangeFormat.DISPUTES, true, sql(ExchangeColumns.DISPUTE_ID)),
  DISPUTE_EVENTS(ExchangeFormat.DISPUTE_EVENTS, true, sql(ExchangeColumns.EVENT_ID)),
  HEADER(Ssda903.HEADER, false, sql(Ssda903Columns.CHILD)),
  EPISODES(Ssda903.EPISODES, false, joined(Ssda903Columns.CHILD, Ssda903Columns.DECOM)),
  REVIEWS(Ssda903.REVIEWS, false, joined(Ssda903Columns.CHILD, Ssda903Columns.REVIEW)),
  ALLOCATIONS(ExchangeFormat.ALLOCATIONS, false, joined(ExchangeColumns.CHILD_ID, ExchangeColumns.FROM_DATE)),
  CP_PLANS(ExchangeFormat.CP_PLANS, false, joined(ExchangeColumns.CHILD_ID, ExchangeColumns.PLAN_START)),
  VISITS(GoldTables.STAGE_VISITS, true, joined(GoldTables.DISPUTE_ID, GoldTables.Visit.VISIT_NUMBER)),
  SUMMARY(GoldTables.DISPUTE_SUMMARY, true, sql(GoldTables.DISPUTE_ID));

  private final RecordSpec silver;
  private final TableContract gold;
  private final boolean required;
  private final String recordIdSql;

  Frame(RecordSpec silver, boolean required, String recordIdSql) {
    this.silver = silver;
    this.gold = null;
    this.required = required;
    this.recordIdSql = recordIdSql;
  }

  Frame(TableContract gold, boolean required, String recordIdSql) {
    this.silver = null;
    this.gold = gold;
    this.required = required;
    this.recordIdSql = recordIdSql;
  }

  /** The silver record contract, for silver frames. */
  public RecordSpec silverSpec() {
    return silver;
  }

  public boolean isGold() {
    return gold != null;
  }

  /** {@code silver.disputes}, {@code gold.dispute_summary}. */
  public String qualifiedName() {
    return isGold() ? gold.qualifiedName() : SilverSchemas.SILVER + "." + silver.name();
  }

  /** The table's own name: {@code disputes}, {@code dispute_stage_visits}. */
  public String tableName() {
    return isGold() ? gold.name() : silver.name();
  }

  public URI location(URI warehouse) {
    return isGold() ? gold.location(warehouse) : WarehouseTables.location(warehouse, SilverSchemas.SILVER, silver.name());
  }

  /** The key, authority first. */
  public List<String> key() {
    return isGold() ? gold.key() : SilverSchemas.key(silver);
  }

  /** Without it the gate cannot judge anything: its absence is a warehouse-level failure. */
  public boolean required() {
    return required;
  }

  /** A SQL expression naming a record in the results: its id, or its key parts joined by '#'. */
  public String recordIdSql() {
    return recordIdSql;
  }

  /** Whether the frame has the dispute and visit columns the compliance exceptions need. */
  public boolean hasVisits() {
    return this == VISITS;
  }

  private static String sql(String column) {
    return "CAST(" + column + " AS STRING)";
  }

  private static String joined(String first, String second) {
    return "concat_ws('#', CAST(" + first + " AS STRING), CAST(" + second + " AS STRING))";
  }
}
