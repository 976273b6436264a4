package org.drpwarehouse.app.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.to_json;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.drpwarehouse.schemas.CsvRows;
import org.drpwarehouse.schemas.DrpUserException;
import org.drpwarehouse.schemas.warehouse.WarehouseTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code drp export TABLE --out FILE.csv}: any warehouse table (or an earlier version) to CSV. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Writes a warehouse table to one CSV file, for analysts and for audit; --version N exports an earlier",
      "Delta version. TABLE is LAYER.NAME (bronze.disputes, bronze.quarantine, bronze.ingest_runs, ...).",
      "Bronze holds raw identifiers: exporting a bronze record table or the quarantine needs --include-raw."
    })
final class ExportCommand implements Callable<Integer> {
  /** Bronze tables that hold no record values, so need no --include-raw. */
  private static final Set<String> NO_RAW_IDS = Set.of(WarehouseTables.INGEST_RUNS, WarehouseTables.INGEST_FILES);

  @ParentCommand DrpCommand parent;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TABLE", description = "LAYER.NAME, e.g. bronze.ingest_runs.")
  String table;

  @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "The CSV file to write.")
  Path out;

  @Option(names = "--version", paramLabel = "N", description = "A Delta version of the table (default: the current one).")
  Long version;

  @Option(names = "--include-raw", description = "Allow tables that hold raw (not pseudonymised) identifiers.")
  boolean includeRaw;

  @Override
  public Integer call() {
    String[] parts = table.split("[./]", 2);
    if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
      throw new DrpUserException("TABLE " + table, "is not LAYER.NAME", "write e.g. bronze.disputes or bronze.ingest_runs");
    }
    String layer = parts[0];
    String name = parts[1];
    boolean raw = layer.equals(WarehouseTables.BRONZE) && !NO_RAW_IDS.contains(name);
    if (raw && !includeRaw) {
      throw new DrpUserException("TABLE " + table,
          "holds raw identifiers of children and workers (bronze is the only layer that does)",
          "add --include-raw if you are allowed to handle them, and keep the file as securely as the source extract");
    }
    Environment env = parent.environment();
    URI location = WarehouseTables.location(env.warehouse(), layer, name);
    SparkSession spark = env.spark();
    DataFrameReader reader = spark.read().format("delta");
    if (version != null) {
      reader = reader.option("versionAsOf", version);
    }
    Dataset<Row> rows;
    try {
      rows = reader.load(location.toString());
    } catch (Exception e) {
      throw new DrpUserException("TABLE " + table, "cannot be read at " + location + " (" + firstLine(e.getMessage()) + ")",
          "check the name (drp ingest creates the bronze tables) and the --version", e);
    }
    long written = write(flatten(rows), out);
    if (raw) {
      spec.commandLine().getErr().println("drp: " + out + " holds raw identifiers (--include-raw); keep it secure.");
    }
    spec.commandLine().getOut().println("wrote " + written + " rows of " + table + (version == null ? "" : " version " + version) + " to " + out);
    return ExitCodes.OK;
  }

  /** Maps, arrays and structs become JSON text so that every column fits a CSV cell. */
  private static Dataset<Row> flatten(Dataset<Row> rows) {
    List<Column> columns = new ArrayList<>();
    for (StructField field : rows.schema().fields()) {
      boolean nested =
          field.dataType() instanceof MapType || field.dataType() instanceof ArrayType || field.dataType() instanceof StructType;
      columns.add(nested ? to_json(col(field.name())).as(field.name()) : col(field.name()).cast("string").as(field.name()));
    }
    return rows.select(columns.toArray(Column[]::new));
  }

  /** Streams partition by partition to the driver: the whole table is never held in memory. */
  private static long write(Dataset<Row> rows, Path file) {
    long count = 0;
    try {
      if (file.toAbsolutePath().getParent() != null) {
        Files.createDirectories(file.toAbsolutePath().getParent());
      }
      try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        writer.write(String.join(",", rows.columns()));
        writer.write('\n');
        for (Iterator<Row> it = rows.toLocalIterator(); it.hasNext(); ) {
          Row row = it.next();
          for (int i = 0; i < row.length(); i++) {
            if (i > 0) {
              writer.write(',');
            }
            writer.write(row.isNullAt(i) ? "" : CsvRows.quote(row.getString(i)));
          }
          writer.write('\n');
          count++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
    return count;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
