package org.drpwarehouse.ingestion.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.drpwarehouse.ingestion.SourceFile;
import org.drpwarehouse.ingestion.SourceFileException;

/** SHA-256 of a whole file, streamed: the key of the loaded-files registry. */
public final class FileChecksum {
  private FileChecksum() {}

  public static String of(Path file, String name) {
    return of(List.of(file), name);
  }

  /**
   * The checksum of a source file. A tracker workbook's records depend on its mapping as much as on
   * its bytes, so its checksum covers both: a corrected mapping loads the workbook again.
   */
  public static String of(SourceFile source) {
    List<Path> files = new ArrayList<>(List.of(source.path()));
    if (source.format() == SourceFile.Format.TRACKER_XLSX) {
      Path mapping = TrackerFiles.mappingFileFor(source.path());
      if (Files.isRegularFile(mapping)) {
        files.add(mapping);
      }
    }
    return of(files, source.name());
  }

  private static String of(List<Path> files, String name) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
    for (Path file : files) {
      try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
        in.transferTo(OutputStream.nullOutputStream());
      } catch (IOException e) {
        throw new SourceFileException(name, "cannot be read (" + e.getMessage() + ")", "check the file", e);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
