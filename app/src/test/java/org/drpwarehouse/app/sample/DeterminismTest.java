package org.drpwarehouse.app.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.drpwarehouse.schemas.calendar.WorkingDayCalendar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same settings give byte-identical output; another seed gives other data. */
class DeterminismTest {
  @TempDir Path temp;

  @Test
  void the_same_settings_twice_give_byte_identical_files() throws Exception {
    GeneratorSettings settings = GeneratorSettings.of(3, 2, 99L, temp.resolve("first")).withPresetSwitchEvery(2);
    GenerationSummary first = generate(settings);
    GenerationSummary second = generate(settings.withOut(temp.resolve("second")));
    Map<String, String> a = hashes(temp.resolve("first"));
    Map<String, String> b = hashes(temp.resolve("second"));
    assertThat(a).as("the binding file, the sample marker and 11 files per authority").hasSize(2 + 3 * 11);
    assertThat(b).as("every file, by SHA-256").isEqualTo(a);
    assertThat(second).as("the summaries too").isEqualTo(first);
  }

  @Test
  void another_seed_gives_other_children_and_disputes_but_the_same_bindings() throws Exception {
    GeneratorSettings settings = GeneratorSettings.of(2, 1, 1L, temp.resolve("one"));
    generate(settings);
    generate(settings.withSeed(2L).withOut(temp.resolve("two")));
    Map<String, String> one = hashes(temp.resolve("one"));
    Map<String, String> two = hashes(temp.resolve("two"));
    for (String file : List.of("101/ssda903/header.csv", "101/disputes.csv", "101/dispute_events.csv", "102/allocations.csv")) {
      assertThat(two.get(file)).as(file).isNotEqualTo(one.get(file));
    }
    assertThat(two.get("policy_bindings.csv")).isEqualTo(one.get("policy_bindings.csv"));
  }

  @Test
  void an_authority_is_the_same_whatever_the_number_of_authorities_around_it() throws Exception {
    generate(GeneratorSettings.of(1, 1, 5L, temp.resolve("alone")));
    generate(GeneratorSettings.of(3, 1, 5L, temp.resolve("three")));
    Map<String, String> alone = hashes(temp.resolve("alone"));
    Map<String, String> three = hashes(temp.resolve("three"));
    alone.forEach((file, hash) -> {
      if (file.startsWith("101/")) {
        assertThat(three.get(file)).as(file).isEqualTo(hash);
      }
    });
  }

  @Test
  void changing_the_malformed_rate_leaves_the_children_alone() throws Exception {
    generate(GeneratorSettings.of(1, 1, 5L, temp.resolve("clean")).withMalformedRate(0));
    generate(GeneratorSettings.of(1, 1, 5L, temp.resolve("dirty")).withMalformedRate(0.2));
    List<String> clean = Files.readAllLines(temp.resolve("clean/101/ssda903/header.csv"));
    List<String> dirty = Files.readAllLines(temp.resolve("dirty/101/ssda903/header.csv"));
    assertThat(dirty).hasSameSizeAs(clean);
    long same = 0;
    for (int i = 0; i < clean.size(); i++) {
      same += clean.get(i).equals(dirty.get(i)) ? 1 : 0;
    }
    assertThat((double) same / clean.size()).as("a fifth of rows replaced, the rest untouched").isBetween(0.7, 0.9);
  }

  private static GenerationSummary generate(GeneratorSettings settings) throws IOException {
    return new SampleGenerator(settings, TestPolicies.all(), WorkingDayCalendar.england()).generate();
  }

  private static Map<String, String> hashes(Path root) throws IOException, NoSuchAlgorithmException {
    Map<String, String> hashes = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.filter(Files::isRegularFile).toList()) {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(path));
        hashes.put(root.relativize(path).toString().replace('\\', '/'), HexFormat.of().formatHex(digest));
      }
    }
    return hashes;
  }
}
