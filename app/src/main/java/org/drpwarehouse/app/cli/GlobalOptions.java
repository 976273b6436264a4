package org.drpwarehouse.app.cli;

import java.nio.file.Path;
import org.drpwarehouse.app.config.DrpSettings;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options every {@code drp} command takes (inherited by all subcommands). */
public final class GlobalOptions {
  @Option(
      names = "--warehouse",
      paramLabel = "URI",
      scope = ScopeType.INHERIT,
      description = "Warehouse location: a file: or s3a: URI or a folder (default: ./drp-warehouse).")
  String warehouse;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      scope = ScopeType.INHERIT,
      description = "Settings file (properties); environment variables DRP_* override it. See README.")
  Path config;

  private DrpSettings settings;

  /** The settings, read once: file, then environment, then these options. */
  public DrpSettings settings() {
    if (settings == null) {
      DrpSettings loaded = DrpSettings.load(config, System.getenv());
      settings = warehouse == null ? loaded : loaded.with(DrpSettings.WAREHOUSE, warehouse);
    }
    return settings;
  }
}
