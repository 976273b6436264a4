package org.drpwarehouse.dashboards.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Writes the files of a site under one folder URI through Hadoop's FileSystem ({@code file:}, {@code s3a:}). */
public final class SiteFiles {
  private final Path folder;
  private final FileSystem fs;

  public SiteFiles(URI folder, Configuration hadoop) {
    this.folder = new Path(folder);
    try {
      this.fs = this.folder.getFileSystem(hadoop);
      // No .crc side files beside a site a person opens (the local file system would add them).
      fs.setWriteChecksum(false);
      fs.mkdirs(this.folder);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the publication folder " + folder + ": check it is a folder URI you may write to", e);
    }
  }

  /** Writes (or replaces) one file, {@code name} relative to the folder; returns its URI. */
  public URI write(String name, byte[] content) {
    Path path = new Path(folder, name);
    try (OutputStream out = fs.create(path, true)) {
      out.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + path + ": check the publication folder may be written to", e);
    }
    return fs.makeQualified(path).toUri();
  }
}
