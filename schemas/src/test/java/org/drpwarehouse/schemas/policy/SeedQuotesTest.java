package org.drpwarehouse.schemas.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.drpwarehouse.schemas.DisputeProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our readings quote the seeds faithfully: every quote a preset test checks against, and every
 * clause a preset file cites, occurs word for word in its seed (whitespace, emphasis and
 * typographic quotes aside).
 */
class SeedQuotesTest {
  private static final List<Class<?>> PRESET_TESTS =
      List.of(CalderdalePresetTest.class, ConstructiveChallengePresetTest.class, IroAlertsFiveStagePresetTest.class,
          LambethPresetTest.class, LincolnshirePresetTest.class);

  /** Every {@link SeedQuote} constant of the preset tests, found by reflection so none is forgotten. */
  static Stream<Arguments> testQuotes() throws IllegalAccessException {
    List<Arguments> quotes = new ArrayList<>();
    for (Class<?> test : PRESET_TESTS) {
      for (Field field : test.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers()) && field.getType() == SeedQuote.class) {
          field.setAccessible(true);
          quotes.add(Arguments.of(test.getSimpleName() + "." + field.getName(), field.get(null)));
        }
      }
    }
    return quotes.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("testQuotes")
  void every_quote_a_preset_test_relies_on_occurs_in_its_seed(String name, SeedQuote quote) {
    for (String segment : segments(quote.words())) {
      assertThat(SeedText.occursIn(quote.seed(), segment))
          .as(name + ": seed " + quote.seed() + " " + quote.section() + " should contain \u201c" + segment + "\u201d")
          .isTrue();
    }
  }

  @Test
  void the_preset_tests_quote_the_seeds_at_all() throws IllegalAccessException {
    assertThat(testQuotes().count()).as("SeedQuote constants found in the preset tests").isGreaterThan(50);
  }

  /** Every clause text of every preset, named by where it is in the policy. */
  static Stream<Arguments> presetClauses() {
    List<Arguments> clauses = new ArrayList<>();
    for (Policy policy : PolicyCatalog.presets().all()) {
      Map<String, String> texts = new LinkedHashMap<>();
      policy.clauses().forEach((rule, text) -> texts.put("clauses." + rule, text));
      for (DisputeProcess process : DisputeProcess.values()) {
        if (policy.definesLadder(process)) {
          Ladder ladder = policy.ladder(process);
          for (Stage stage : ladder.stages()) {
            texts.put("ladders." + process + "." + stage.id() + ".clause", stage.clause());
          }
          texts.put("ladders." + process + ".bypass.clause", ladder.bypass().clause());
        }
      }
      texts.put("cafcass.clause", policy.cafcass().clause());
      texts.forEach((where, text) -> clauses.add(Arguments.of(policy.id() + " " + where, policy.seed(), text)));
    }
    return clauses.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("presetClauses")
  void every_clause_a_preset_cites_quotes_its_seed(String where, String seedFile, String clause) {
    List<String> quoted = SeedText.quotedSegments(clause);
    assertThat(quoted).as(where + " quotes the seed's own words in \u201ccurly quotes\u201d: " + clause).isNotEmpty();
    assertThat(clause).as(where + " names the seed section it quotes").containsPattern("§|Annex");
    String seed = seedFile.substring(0, 3);
    assertThat(SeedText.fileName(seed)).as(where + ": the preset names its seed file").isEqualTo(seedFile);
    for (String segment : quoted) {
      assertThat(SeedText.occursIn(seed, segment)).as(where + ": seed " + seedFile + " should contain \u201c" + segment + "\u201d")
          .isTrue();
    }
  }

  @Test
  void a_misquoted_clause_is_caught() {
    String misquoted = "§2.2.3 \u201cThe response timescale is 7 working days.\u201d";
    assertThat(SeedText.quotedSegments(misquoted)).containsExactly("The response timescale is 7 working days.");
    assertThat(SeedText.occursIn("000", "The response timescale is 7 working days.")).isFalse();
    assertThat(SeedText.occursIn("000", "The response timescale is 6 working days.")).isTrue();
  }

  @Test
  void quotes_are_compared_across_line_breaks_emphasis_and_typographic_apostrophes() {
    assertThat(SeedText.normalise("within **a maximum\n of 5\tworking days** \u2019s"))
        .isEqualTo("within a maximum of 5 working days 's");
    assertThat(SeedText.quotedSegments("\u00a74 \u201cfirst\u2026 second\u201d; \u201cthird...fourth\u201d"))
        .containsExactly("first", "second", "third", "fourth");
  }

  private static List<String> segments(String words) {
    return SeedText.quotedSegments("\u201c" + words + "\u201d");
  }
}
