package org.drpwarehouse.app.cli;

import org.drpwarehouse.dashboards.PublishedTables;
import picocli.CommandLine.Option;

/**
 * The {@code --publication ID} option of the commands that build a document from a publication
 * (report, audit, outstanding), and the tables it opens: at the Delta versions that publication
 * recorded, the latest publication that passed the gate when no id is given.
 */
final class PublicationOption {
  @Option(names = "--publication", paramLabel = "ID", description = "The publication to build from (default: the latest that passed).")
  String id;

  PublishedTables open(Environment env) {
    return PublishedTables.open(env.spark(), env.warehouse(), id);
  }
}
