package org.drpwarehouse.schemas.policy;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The seed policy texts, for tests that check our readings quote them faithfully. They live beside
 * the project (system property {@code drp.shared.dir}, set by the build to {@code ../shared}), not
 * in it: where they are missing the checks are skipped loudly, except on CI ({@code CI=true}),
 * where a missing seed is a failure.
 */
final class SeedText {
  private static final Map<String, String> NORMALISED = new ConcurrentHashMap<>();
  private static final Pattern QUOTED = Pattern.compile("\u201c(.*?)\u201d", Pattern.DOTALL);

  private SeedText() {}

  /** The shared folder's {@code seeds} directory, or a skip (a failure on CI) when it is missing. */
  static Path seedsDir() {
    return sharedPath("seeds");
  }

  /**
   * A file or folder of the shared folder beside the project ({@code domain/policies.md}), or a skip
   * (a failure on CI) when it is missing.
   */
  static Path sharedPath(String relative) {
    String shared = System.getProperty("drp.shared.dir");
    Path path = shared == null ? null : Path.of(shared, relative);
    if (path == null || !Files.exists(path)) {
      String message =
          "SHARED SEED TEXTS NOT FOUND (" + (shared == null ? "system property drp.shared.dir is not set" : path + " is missing")
              + "): the checks of our readings against the seed policies are NOT RUN";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(message + ", and CI=true requires them");
      }
      System.err.println("*** WARNING *** " + message);
      Assumptions.abort(message);
    }
    return path;
  }

  /** The text of the seed whose file name starts with {@code prefix} ({@code 000}) or equals it. */
  static String normalised(String prefix) {
    return NORMALISED.computeIfAbsent(prefix, p -> normalise(read(p)));
  }

  static String fileName(String prefix) {
    return file(prefix).getFileName().toString();
  }

  private static Path file(String prefix) {
    Path dir = seedsDir();
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> matches =
          files.filter(f -> f.getFileName().toString().equals(prefix) || f.getFileName().toString().startsWith(prefix + "_"))
              .toList();
      if (matches.size() != 1) {
        fail("Expected one seed named " + prefix + "_* in " + dir + ", found " + matches);
      }
      return matches.get(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(String prefix) {
    try {
      return Files.readString(file(prefix), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Comparable text: markdown emphasis dropped, typographic apostrophes and quotes made plain, and
   * all whitespace (line breaks, tabs of the seeds' tables) collapsed to single spaces.
   */
  static String normalise(String text) {
    String plain =
        text.replace("*", "")
            .replace('\u2019', '\'')
            .replace('\u2018', '\'')
            .replace('\u201c', '"')
            .replace('\u201d', '"');
    return plain.replaceAll("\\s+", " ").strip();
  }

  /**
   * The seed's words quoted in a clause: every “curly-quoted” passage, split at ellipses (… or ...),
   * which mark words left out.
   */
  static List<String> quotedSegments(String clause) {
    List<String> segments = new ArrayList<>();
    Matcher m = QUOTED.matcher(clause);
    while (m.find()) {
      for (String segment : m.group(1).split("\u2026|\\.\\.\\.")) {
        if (!segment.isBlank()) {
          segments.add(normalise(segment));
        }
      }
    }
    return segments;
  }

  /** Whether the seed contains the words (normalised both sides). */
  static boolean occursIn(String prefix, String words) {
    return normalised(prefix).contains(normalise(words));
  }
}
