package org.drpwarehouse.ingestion.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.drpwarehouse.ingestion.RawRecord;
import org.drpwarehouse.schemas.Column;
import org.drpwarehouse.schemas.RecordSpec;

/**
 * SHA-256 of a record's contract values in contract column order (unknown columns excluded), so the
 * same record from a CSV or a JSON Lines file, or with its columns in another order, hashes alike.
 */
final class RecordHash {
  private static final char SEPARATOR = '\u001f';

  private RecordHash() {}

  static String of(RecordSpec spec, RawRecord record) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
    StringBuilder text = new StringBuilder(128);
    for (Column column : spec.columns()) {
      text.append(record.value(column.name()).trim()).append(SEPARATOR);
    }
    return HexFormat.of().formatHex(digest.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
  }
}
