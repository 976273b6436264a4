package org.drpwarehouse.ingestion.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.drpwarehouse.ingestion.JdbcWindow;
import org.drpwarehouse.ingestion.RawRecord;
import org.drpwarehouse.ingestion.SourceFile;
import org.drpwarehouse.ingestion.SourceFileException;
import org.drpwarehouse.schemas.Column;
import org.drpwarehouse.schemas.ColumnType;
import org.drpwarehouse.schemas.CsvRows;

/**
 * Reads one query's window of rows ({@link JdbcWindow}) as records, streamed with a cursor, in a
 * stable order (modified column, then key) so that a restart can skip the rows already staged.
 * Values are written in the contract's spelling: dates ISO, flags Y/N.
 */
final class JdbcRecordSource implements RecordSource {
  private static final int FETCH_SIZE = 5_000;

  private final SourceFile source;
  private final Connection connection;
  private final PreparedStatement statement;
  private final ResultSet rows;
  private final String[] labels;
  private long position;

  JdbcRecordSource(SourceFile source) {
    this.source = source;
    JdbcWindow window = source.jdbc();
    try {
      connection = DriverManager.getConnection(window.url(), window.user(), window.password());
      connection.setAutoCommit(false); // PostgreSQL streams with a cursor only inside a transaction
      connection.setReadOnly(true);
      statement = connection.prepareStatement(windowSql(window), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
      statement.setFetchSize(FETCH_SIZE);
      int parameter = 1;
      if (window.lower() != null) {
        statement.setTimestamp(parameter++, Timestamp.valueOf(window.lower()));
      }
      if (window.upper() != null) {
        statement.setTimestamp(parameter, Timestamp.valueOf(window.upper()));
      }
      rows = statement.executeQuery();
      ResultSetMetaData meta = rows.getMetaData();
      labels = new String[meta.getColumnCount()];
      for (int i = 0; i < labels.length; i++) {
        labels[i] = canonical(meta.getColumnLabel(i + 1));
      }
    } catch (SQLException e) {
      throw new SourceFileException(source.name(), "cannot be queried (" + e.getMessage() + ")",
          "check the profile's url, user, password variable and the query's SQL", e);
    }
  }

  /** The query wrapped with the window's bounds and a stable order. */
  static String windowSql(JdbcWindow window) {
    StringBuilder sql = new StringBuilder("SELECT * FROM (").append(window.sql()).append(") drp_source");
    String modified = "drp_source." + window.modifiedColumn();
    if (window.lower() != null && window.upper() != null) {
      sql.append(" WHERE ").append(modified).append(" > ? AND ").append(modified).append(" <= ?");
    } else if (window.upper() != null) {
      sql.append(" WHERE ").append(modified).append(" <= ?");
    } else {
      sql.append(" WHERE 1 = 0"); // the source held no rows when the run was planned
    }
    sql.append(" ORDER BY ").append(modified);
    for (String key : window.keyColumns()) {
      sql.append(", drp_source.").append(key);
    }
    return sql.toString();
  }

  private String canonical(String label) {
    for (Column column : source.spec().columns()) {
      if (column.name().equalsIgnoreCase(label)) {
        return column.name();
      }
    }
    return label.toLowerCase(Locale.ROOT);
  }

  @Override
  public RawRecord next() {
    try {
      if (!rows.next()) {
        return null;
      }
      position++;
      Map<String, String> values = new LinkedHashMap<>();
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < labels.length; i++) {
        Object value = rows.getObject(i + 1);
        String formatted = format(labels[i], value);
        values.put(labels[i], formatted);
        text.append(i == 0 ? "" : ",").append(CsvRows.quote(formatted));
      }
      return new RawRecord(position, values, text.toString(), null);
    } catch (SQLException e) {
      throw new SourceFileException(source.name(), "failed while reading row " + (position + 1) + " (" + e.getMessage() + ")",
          "check the database is reachable and the query is valid; the run can be restarted", e);
    }
  }

  private String format(String label, Object value) {
    if (value == null) {
      return "";
    }
    ColumnType type = source.spec().column(label).map(Column::type).orElse(ColumnType.STRING);
    if (type == ColumnType.DATE || type == ColumnType.DATE_DMY) {
      if (value instanceof java.sql.Date date) {
        return type.format(date.toLocalDate());
      }
      if (value instanceof Timestamp timestamp) {
        return type.format(timestamp.toLocalDateTime().toLocalDate());
      }
    }
    if (type == ColumnType.FLAG && value instanceof Boolean flag) {
      return flag ? "Y" : "N";
    }
    if (value instanceof java.sql.Array array) {
      try {
        Object[] items = (Object[]) array.getArray();
        StringBuilder joined = new StringBuilder();
        for (Object item : items) {
          joined.append(joined.length() == 0 ? "" : ";").append(item);
        }
        return joined.toString();
      } catch (SQLException e) {
        return value.toString();
      }
    }
    if (value instanceof Timestamp timestamp) {
      return timestamp.toLocalDateTime().toString();
    }
    return value.toString();
  }

  @Override
  public long position() {
    return position;
  }

  @Override
  public void close() {
    try {
      rows.close();
      statement.close();
      connection.rollback();
      connection.close();
    } catch (SQLException e) {
      // a read-only transaction: nothing to lose on close
    }
  }
}
