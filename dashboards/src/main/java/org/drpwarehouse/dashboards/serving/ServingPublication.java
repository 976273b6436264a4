package org.drpwarehouse.dashboards.serving;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What {@link ServingDatabase#publish} made live: the publication id and time, the two schemas, and
 * the rows of every table in each, by table name (as counted in the database, after the copy). The same id and
 * time are in the {@value ServingDatabase#PUBLICATION_TABLE} table of both schemas.
 */
public record ServingPublication(String publicationId, Instant publishedAt, String boardSchema,
    String inspectorSchema, Map<String, Long> boardRows, Map<String, Long> inspectorRows) {

  public ServingPublication {
    Objects.requireNonNull(publicationId, "publicationId");
    Objects.requireNonNull(publishedAt, "publishedAt");
    boardRows = Collections.unmodifiableMap(new TreeMap<>(boardRows));
    inspectorRows = Collections.unmodifiableMap(new TreeMap<>(inspectorRows));
  }
}
