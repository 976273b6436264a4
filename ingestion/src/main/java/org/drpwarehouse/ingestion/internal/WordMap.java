package org.drpwarehouse.ingestion.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The words a sheet writes for a thing ({@code "Stage 1 - TM"}, {@code "HoS"}, {@code "Sorted"}) and
 * what each stands for (a stage id, a role, an outcome). Words are compared ignoring case, spaces and
 * underscores, so {@code "No further action"} and {@code NO_FURTHER_ACTION} are one word.
 */
final class WordMap {
  private final Map<String, String> targets;
  private final List<String> words;
  private final String builtIn;

  private WordMap(Map<String, String> targets, List<String> words, String builtIn) {
    this.targets = Map.copyOf(targets);
    this.words = List.copyOf(words);
    this.builtIn = builtIn;
  }

  static Builder builder() {
    return new Builder();
  }

  /** What the word stands for, if the map knows it. */
  Optional<String> target(String word) {
    return Optional.ofNullable(targets.get(normalize(word)));
  }

  /** The words the mapping gives, as written, and the built-in ones in brief, for messages. */
  String describe() {
    List<String> quoted = new ArrayList<>();
    for (String word : words) {
      quoted.add("'" + word + "'");
    }
    String given = quoted.isEmpty() ? "none in the mapping" : String.join(", ", quoted);
    return builtIn == null ? given : given + "; built in: " + builtIn;
  }

  static String normalize(String word) {
    StringBuilder out = new StringBuilder(word.length());
    word.codePoints()
        .filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '_')
        .forEach(c -> out.appendCodePoint(Character.toLowerCase(c)));
    return out.toString();
  }

  static final class Builder {
    private final Map<String, String> targets = new LinkedHashMap<>();
    private final Map<String, String> words = new LinkedHashMap<>();
    private String builtIn;

    /** Adds a word; a later word that compares equal replaces the earlier one. */
    Builder put(String word, String target) {
      String key = normalize(word);
      targets.put(key, target);
      words.put(key, word);
      return this;
    }

    /** Adds a word every mapping knows, described in brief in messages rather than listed. */
    Builder builtIn(String word, String target) {
      targets.put(normalize(word), target);
      return this;
    }

    /** How messages describe the built-in words. */
    Builder builtInDescription(String description) {
      this.builtIn = description;
      return this;
    }

    /** Whether an equal word is already there. */
    boolean has(String word) {
      return targets.containsKey(normalize(word));
    }

    WordMap build() {
      return new WordMap(targets, new ArrayList<>(words.values()), builtIn);
    }
  }
}
