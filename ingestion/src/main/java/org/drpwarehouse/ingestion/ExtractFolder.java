package org.drpwarehouse.ingestion;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.drpwarehouse.ingestion.internal.TrackerFiles;
import org.drpwarehouse.schemas.DrpUserException;
import org.drpwarehouse.schemas.ExchangeFormat;
import org.drpwarehouse.schemas.ExtractManifest;
import org.drpwarehouse.schemas.RecordSpec;
import org.drpwarehouse.schemas.Ssda903;

/**
 * Finds the source files in a folder given to {@code drp ingest} or {@code drp validate}.
 *
 * <p>A folder holds one authority's extract, or sub-folders with one extract each. An extract is the
 * SSDA903 files (at its top or in an {@code ssda903/} sub-folder), the exchange-format files
 * ({@code disputes.csv} or {@code disputes.jsonl}, ...) and alert tracker workbooks ({@code *.xlsx}
 * at its top or in a {@code trackers/} sub-folder). SSDA903 files carry no authority code: it comes
 * from {@code --authority} or the extract's {@value ExtractManifest#FILE_NAME}; a 903 file with
 * neither is refused, saying how to give it. With the manifest's {@code ssda903_snapshot: true} its
 * SSDA903 files are {@linkplain SourceFile#fullSnapshot() full snapshots}. Files with other names
 * are listed as ignored.
 *
 * <p>A tracker workbook is read through the mapping beside it ({@code alerts.xlsx} with {@code
 * alerts.mapping.yaml}, see docs/trackers.md) and gives two source files: {@code
 * trackers/alerts.xlsx#disputes} and {@code trackers/alerts.xlsx#dispute_events}. Their authority is
 * the mapping's {@code authority:} when it names one, else the extract's. A workbook without a
 * mapping is still listed: reading it fails, saying which mapping file to write.
 */
public final class ExtractFolder {
  private static final String SSDA903_DIR = "ssda903";
  private static final String TRACKERS_DIR = "trackers";
  private static final String TRACKER_EXTENSION = ".xlsx";

  private final Path root;
  private final List<SourceFile> files;
  private final List<String> ignored;

  private ExtractFolder(Path root, List<SourceFile> files, List<String> ignored) {
    this.root = root;
    this.files = List.copyOf(files);
    this.ignored = List.copyOf(ignored);
  }

  /**
   * Scans a folder.
   *
   * @param authority the {@code --authority} option, or {@code null}
   */
  public static ExtractFolder scan(Path root, String authority) {
    if (!Files.isDirectory(root)) {
      throw new DrpUserException(root.toString(), "is not a folder", "give the folder that holds the extract files");
    }
    List<SourceFile> files = new ArrayList<>();
    List<String> ignored = new ArrayList<>();
    List<Path> extracts = new ArrayList<>();
    extracts.add(root);
    for (Path child : list(root)) {
      String dirName = child.getFileName().toString();
      if (Files.isDirectory(child) && !dirName.equals(SSDA903_DIR) && !dirName.equals(TRACKERS_DIR) && !dirName.startsWith(".")) {
        extracts.add(child);
      }
    }
    for (Path extract : extracts) {
      scanExtract(root, extract, authority, files, ignored);
    }
    if (files.isEmpty()) {
      throw new DrpUserException(root.toString(), "holds no extract files",
          "put SSDA903 files (header.csv, episodes.csv, reviews.csv, ...), exchange files (disputes.csv, "
              + "dispute_events.csv, ...) or alert tracker workbooks (trackers/*.xlsx) in it or in one sub-folder per "
              + "authority; see docs/file-formats.md and docs/trackers.md");
    }
    return new ExtractFolder(root, files, ignored);
  }

  private static void scanExtract(Path root, Path extract, String option, List<SourceFile> files, List<String> ignored) {
    Optional<ExtractManifest> manifest = manifest(root, extract);
    String authority = option != null ? option : manifest.map(ExtractManifest::authority).orElse(null);
    List<Path> candidates = new ArrayList<>(list(extract).stream().filter(Files::isRegularFile).toList());
    for (String sub : List.of(SSDA903_DIR, TRACKERS_DIR)) {
      Path dir = extract.resolve(sub);
      if (Files.isDirectory(dir)) {
        candidates.addAll(list(dir).stream().filter(Files::isRegularFile).toList());
      }
    }
    for (Path file : candidates) {
      String fileName = file.getFileName().toString();
      String relative = root.relativize(file).toString().replace('\\', '/');
      if (fileName.equals(ExtractManifest.FILE_NAME) || fileName.startsWith(".")
          || fileName.startsWith("~$") // Excel's lock file beside an open workbook
          || isMappingOfAWorkbook(file, candidates)) {
        continue;
      }
      if (fileName.toLowerCase(Locale.ROOT).endsWith(TRACKER_EXTENSION)) {
        String trackerAuthority = TrackerFiles.declaredAuthority(file).orElse(authority);
        for (RecordSpec spec : TrackerFiles.RECORDS) {
          files.add(new SourceFile(file, relative + "#" + spec.name(), spec, SourceFile.Format.TRACKER_XLSX,
              SourceKind.TRACKER, trackerAuthority));
        }
        continue;
      }
      Optional<SourceFile> match = match(file, relative, fileName, authority,
          manifest.map(ExtractManifest::ssda903Snapshot).orElse(false));
      if (match.isEmpty()) {
        ignored.add(relative);
        continue;
      }
      SourceFile source = match.get();
      if (source.kind() == SourceKind.SSDA903 && authority == null) {
        throw new DrpUserException(relative, "is an SSDA903 file, and SSDA903 files carry no authority code",
            "give --authority CODE, or put a " + ExtractManifest.FILE_NAME + " with authority: \"CODE\" in "
                + (extract.equals(root) ? "the folder" : root.relativize(extract) + "/"));
      }
      files.add(source);
    }
  }

  /** A tracker mapping is part of its workbook; one with no workbook beside it is listed as ignored. */
  private static boolean isMappingOfAWorkbook(Path file, List<Path> candidates) {
    return file.getFileName().toString().endsWith(TrackerFiles.MAPPING_SUFFIX)
        && candidates.stream()
            .anyMatch(other -> other.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(TRACKER_EXTENSION)
                && TrackerFiles.mappingFileFor(other).equals(file));
  }

  private static Optional<SourceFile> match(Path file, String relative, String fileName, String authority,
      boolean snapshot) {
    for (RecordSpec spec : Ssda903.ALL) {
      if (fileName.equals(spec.csvFileName())) {
        return Optional.of(
            new SourceFile(file, relative, spec, SourceFile.Format.CSV, SourceKind.SSDA903, authority, null, snapshot));
      }
    }
    for (RecordSpec spec : ExchangeFormat.ALL) {
      if (fileName.equals(spec.csvFileName())) {
        return Optional.of(new SourceFile(file, relative, spec, SourceFile.Format.CSV, SourceKind.EXCHANGE, authority));
      }
      if (spec.jsonLinesFileName().map(fileName::equals).orElse(false)) {
        return Optional.of(
            new SourceFile(file, relative, spec, SourceFile.Format.JSON_LINES, SourceKind.EXCHANGE, authority));
      }
    }
    return Optional.empty();
  }

  private static Optional<ExtractManifest> manifest(Path root, Path extract) {
    Path file = extract.resolve(ExtractManifest.FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try (InputStream in = Files.newInputStream(file)) {
      return Optional.of(ExtractManifest.read(in, root.relativize(file).toString()));
    } catch (IOException e) {
      throw new DrpUserException(file.toString(), "cannot be read (" + e.getMessage() + ")", "check the file", e);
    }
  }

  private static List<Path> list(Path dir) {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.sorted(Comparator.comparing(Path::toString)).toList();
    } catch (IOException e) {
      throw new DrpUserException(dir.toString(), "cannot be listed (" + e.getMessage() + ")", "check the folder", e);
    }
  }

  public Path root() {
    return root;
  }

  /** The files found, in a stable order: extract by extract, file name by file name. */
  public List<SourceFile> files() {
    return files;
  }

  /** Files that are not part of any contract, relative to the folder. */
  public List<String> ignored() {
    return ignored;
  }
}
