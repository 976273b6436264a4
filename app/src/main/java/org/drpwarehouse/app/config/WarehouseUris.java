package org.drpwarehouse.app.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a warehouse location. A plain folder becomes an absolute {@code file:} URI; a URI must use a
 * scheme Spark and Delta can write to. Everything downstream works with the URI, never a local path,
 * so the same build runs on a cluster against object storage.
 */
public final class WarehouseUris {
  private static final Set<String> SCHEMES = Set.of("file", "s3a", "hdfs", "abfss", "gs");

  private WarehouseUris() {}

  public static URI parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("is empty");
    }
    String trimmed = text.trim();
    int colon = trimmed.indexOf(':');
    boolean looksLikeUri = colon > 1 && trimmed.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*");
    if (!looksLikeUri) {
      return Path.of(trimmed).toAbsolutePath().normalize().toUri();
    }
    URI uri;
    try {
      uri = new URI(trimmed);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("'" + trimmed + "' is not a valid URI: " + e.getReason(), e);
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (!SCHEMES.contains(scheme)) {
      throw new IllegalArgumentException(
          "scheme '" + scheme + "' is not supported; use one of " + new java.util.TreeSet<>(SCHEMES));
    }
    return uri;
  }
}
