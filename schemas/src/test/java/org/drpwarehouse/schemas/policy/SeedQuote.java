package org.drpwarehouse.schemas.policy;

/**
 * Words of a seed policy a test relies on, with where they are. Preset tests put them in their
 * {@code .as(...)} descriptions; {@link SeedQuotesTest} checks that each really occurs in its seed.
 *
 * @param seed the seed's number, e.g. {@code 000}
 * @param section the seed's section or paragraph, e.g. {@code §2.2.3}
 * @param words the seed's own words (an ellipsis … marks words left out)
 */
record SeedQuote(String seed, String section, String words) {

  static SeedQuote of(String seed, String section, String words) {
    return new SeedQuote(seed, section, words);
  }

  /** For {@code .as(...)}: {@code seed 000 §2.2.3: “The response timescale is 6 working days.”}. */
  @Override
  public String toString() {
    return "seed " + seed + " " + section + ": \u201c" + words + "\u201d";
  }

  /** What is checked, and the words it is checked against. */
  String says(String what) {
    return what + " (" + this + ")";
  }
}
