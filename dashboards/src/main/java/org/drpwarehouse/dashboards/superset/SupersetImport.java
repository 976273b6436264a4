package org.drpwarehouse.dashboards.superset;

import java.net.URI;
import java.util.List;

/**
 * What {@link SupersetImporter#importBundle} did: the Superset it imported into, the database files
 * it sent passwords for, and Superset's answer ({@code OK}).
 */
public record SupersetImport(URI supersetUrl, List<String> databaseFiles, String message) {
  public SupersetImport {
    databaseFiles = List.copyOf(databaseFiles);
  }
}
