package org.drpwarehouse.ingestion.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.drpwarehouse.ingestion.SourceFileException;

/** SHA-256 of a whole file, streamed: the key of the loaded-files registry. */
public final class FileChecksum {
  private FileChecksum() {}

  public static String of(Path file, String name) {
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (IOException e) {
      throw new SourceFileException(name, "cannot be read (" + e.getMessage() + ")", "check the file", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
