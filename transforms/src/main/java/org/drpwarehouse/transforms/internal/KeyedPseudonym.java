package org.drpwarehouse.transforms.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.spark.sql.api.java.UDF2;

/**
 * The pseudonym of an id: hex HMAC-SHA256 under the warehouse's key of {@code authority + "|" +
 * id}. The authority is part of the message so that the same id in two authorities never collides,
 * while the same child in one authority links across every file and load.
 *
 * <p>A Java UDF because Spark (3.5) has no keyed hash: {@code sha2} of a key literal would put the
 * key into the query plan, the event log and the UI. The key sits in this object's field, which
 * Spark serialises to its tasks but never prints: a plan shows only the function's name.
 *
 * <p>A null id stays null. An id without an authority is a bug upstream (every bronze row has one)
 * and fails the task without quoting the id.
 */
public final class KeyedPseudonym implements UDF2<String, String, String> {
  private static final long serialVersionUID = 1L;
  private static final String ALGORITHM = "HmacSHA256";

  private final byte[] key;
  private transient ThreadLocal<Mac> macs;

  public KeyedPseudonym(byte[] key) {
    this.key = key.clone();
  }

  @Override
  public String call(String authority, String id) {
    if (id == null) {
      return null;
    }
    if (authority == null) {
      throw new IllegalArgumentException(
          "Cannot pseudonymise an id without its authority: every bronze row carries _authority; check the ingest of this record");
    }
    Mac mac = mac();
    return HexFormat.of().formatHex(mac.doFinal((authority + "|" + id).getBytes(StandardCharsets.UTF_8)));
  }

  private Mac mac() {
    if (macs == null) {
      macs = ThreadLocal.withInitial(this::newMac);
    }
    return macs.get();
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key, ALGORITHM));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }

  /** Never the key. */
  @Override
  public String toString() {
    return "KeyedPseudonym[HmacSHA256]";
  }
}
