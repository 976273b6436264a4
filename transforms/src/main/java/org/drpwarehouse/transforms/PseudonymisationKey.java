package org.drpwarehouse.transforms;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret key of the pseudonymisation HMAC. It lives outside the warehouse (a local file readable
 * by its owner only, or an environment variable filled from a secret store) and never enters a Spark
 * plan, a log or a table: {@link #toString()} names no byte of it.
 *
 * <p>A key is at least {@value #MIN_BYTES} bytes, written as base64 text. Losing it breaks the link
 * between loads (the same child gets a new pseudonym); leaking it lets anyone who holds a list of
 * child ids re-identify silver rows. Rotating it means rebuilding silver and everything after it.
 */
public record PseudonymisationKey(byte[] bytes) {
  /** The shortest key accepted: the HMAC-SHA256 block security level. */
  public static final int MIN_BYTES = 32;

  private static final Set<PosixFilePermission> OWNER_ONLY =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

  public PseudonymisationKey {
    if (bytes == null || bytes.length < MIN_BYTES) {
      throw new IllegalArgumentException(
          "Cannot use a pseudonymisation key of " + (bytes == null ? 0 : bytes.length) + " bytes: it needs at least "
              + MIN_BYTES + " (create one with PseudonymisationKey.createLocal)");
    }
    bytes = bytes.clone();
  }

  /** A copy of the key's bytes. */
  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /**
   * A one-way fingerprint of the key: the HMAC of a fixed label under it, in hex. It tells whether a
   * table was built with this key without saying anything of the key itself.
   */
  public String fingerprint() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(bytes, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal("drp-warehouse key fingerprint".getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }

  /** Reads a key written as base64 text, e.g. by {@link #createLocal(Path)}. */
  public static PseudonymisationKey fromBase64(String text, String source) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("The pseudonymisation key in " + source + " is empty: write a base64 key of at least "
          + MIN_BYTES + " bytes there, or create a local one with PseudonymisationKey.createLocal");
    }
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(text.strip());
    } catch (IllegalArgumentException e) {
      // The message of the decoder quotes no key text, but say it in our words and drop the cause's detail.
      throw new IllegalArgumentException("The pseudonymisation key in " + source + " is not base64 text");
    }
    try {
      return new PseudonymisationKey(decoded);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("The pseudonymisation key in " + source + ": " + e.getMessage(), e);
    } finally {
      Arrays.fill(decoded, (byte) 0);
    }
  }

  /**
   * Reads the key from a file holding its base64 text. Refuses a file that its group or others may
   * read or write (like {@code ssh} does with a private key), where the file system has POSIX
   * permissions.
   */
  public static PseudonymisationKey fromFile(Path file) {
    try {
      if (isPosix(file)) {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (!OWNER_ONLY.containsAll(permissions)) {
          throw new IllegalArgumentException(
              "The pseudonymisation key file " + file + " has permissions " + PosixFilePermissions.toString(permissions)
                  + ": a key must be readable by its owner only; run chmod 600 on it");
        }
      }
      return fromBase64(Files.readString(file, StandardCharsets.US_ASCII), "file " + file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the pseudonymisation key file " + file, e);
    }
  }

  /** Reads the key from an environment variable holding its base64 text. */
  public static PseudonymisationKey fromEnvironment(String variable) {
    String value = System.getenv(variable);
    if (value == null) {
      throw new IllegalArgumentException("The environment variable " + variable
          + " that should hold the pseudonymisation key is not set: set it to a base64 key of at least " + MIN_BYTES + " bytes");
    }
    return fromBase64(value, "environment variable " + variable);
  }

  /**
   * The key in {@code file}, first writing a new random {@value #MIN_BYTES}-byte key there (base64,
   * permissions {@code rw-------}) when the file does not exist. For a single machine; a shared
   * warehouse takes its key from a secret store through {@link #fromEnvironment(String)}.
   */
  public static PseudonymisationKey createLocal(Path file) {
    if (Files.exists(file)) {
      return fromFile(file);
    }
    byte[] fresh = new byte[MIN_BYTES];
    new SecureRandom().nextBytes(fresh);
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      // Created with its permissions in one step, so the key is never readable by others, not even briefly.
      if (isPosix(parent == null ? file.toAbsolutePath() : parent)) {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      } else {
        Files.createFile(file);
      }
      Files.writeString(file, Base64.getEncoder().encodeToString(fresh) + "\n", StandardCharsets.US_ASCII);
      return new PseudonymisationKey(fresh);
    } catch (FileAlreadyExistsException raced) {
      return fromFile(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the pseudonymisation key file " + file, e);
    } finally {
      Arrays.fill(fresh, (byte) 0);
    }
  }

  private static boolean isPosix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  /** Constant-time comparison of the key bytes. */
  @Override
  public boolean equals(Object other) {
    return other instanceof PseudonymisationKey that && MessageDigest.isEqual(bytes, that.bytes);
  }

  /** From a one-way digest of the key, so that not even a hash code is a function of its raw bytes. */
  @Override
  public int hashCode() {
    try {
      return Arrays.hashCode(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** Names the key's length only: never a byte of it. */
  @Override
  public String toString() {
    return "PseudonymisationKey[" + bytes.length + " bytes, redacted]";
  }
}
