package org.drpwarehouse.dashboards.superset;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Name-based UUIDs (RFC 4122 version 5, SHA-1) for the objects of a Superset bundle, so that the
 * same object gets the same UUID in every build and a re-import overwrites it instead of adding a
 * copy. Example: {@code of("chart/DRP serving/disputes_started")} is always the same UUID.
 */
final class SupersetUuids {
  /** RFC 4122's namespace for URLs; the project's own namespace is derived from it. */
  private static final UUID URL_NAMESPACE = UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8");
  static final UUID NAMESPACE = v5(URL_NAMESPACE, "urn:drp-warehouse:superset-bundle");

  private SupersetUuids() {}

  static UUID of(String name) {
    return v5(NAMESPACE, name);
  }

  static UUID v5(UUID namespace, String name) {
    MessageDigest sha1;
    try {
      sha1 = MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("This JVM has no SHA-1, which every Java platform must provide", e);
    }
    sha1.update(ByteBuffer.allocate(16).putLong(namespace.getMostSignificantBits())
        .putLong(namespace.getLeastSignificantBits()).array());
    sha1.update(name.getBytes(StandardCharsets.UTF_8));
    byte[] hash = sha1.digest();
    hash[6] = (byte) ((hash[6] & 0x0f) | 0x50); // version 5
    hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // RFC 4122 variant
    ByteBuffer bits = ByteBuffer.wrap(hash, 0, 16);
    return new UUID(bits.getLong(), bits.getLong());
  }
}
