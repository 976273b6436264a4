package org.drpwarehouse.app.sample;

import java.util.List;

/**
 * Identifiers and addresses that look like the real thing but cannot belong to anyone: postcodes
 * in areas beginning Q, V or X (no UK postcode area does), UPN-shaped numbers, worker ids that
 * carry the authority code so that two authorities never share a worker.
 */
final class SyntheticIds {
  private SyntheticIds() {}

  /** UPN check letters: A-Z without I, O and S. */
  private static final String UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ";
  /** Letters used in the inward part of a UK postcode. */
  private static final String INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";
  private static final String AREA_FIRST = "QVX";
  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

  /** One letter and twelve digits, the shape of a Unique Pupil Number. */
  static String upn(Dice dice) {
    StringBuilder out = new StringBuilder(13);
    out.append(UPN_LETTERS.charAt(dice.below(UPN_LETTERS.length())));
    for (int i = 0; i < 12; i++) {
      out.append((char) ('0' + dice.below(10)));
    }
    return out.toString();
  }

  /** A seven-digit Ofsted URN. */
  static String urn(Dice dice) {
    return String.valueOf(1_000_000 + dice.below(9_000_000));
  }

  /** Two postcode areas for an authority's homes and most of its placements. */
  static List<String> areas(Dice dice) {
    String first = area(dice);
    String second = area(dice);
    return List.of(first, second.equals(first) ? first.charAt(0) + "A" : second);
  }

  static String area(Dice dice) {
    return "" + AREA_FIRST.charAt(dice.below(AREA_FIRST.length())) + ALPHABET.charAt(dice.below(ALPHABET.length()));
  }

  /** {@code QX12 3AB}. */
  static String postcode(String area, Dice dice) {
    return area
        + dice.between(1, 29)
        + ' '
        + dice.below(10)
        + INWARD_LETTERS.charAt(dice.below(INWARD_LETTERS.length()))
        + INWARD_LETTERS.charAt(dice.below(INWARD_LETTERS.length()));
  }

  static String iro(String authority, int number) {
    return String.format("IRO-%s-%02d", authority, number);
  }

  static String socialWorker(String authority, int number) {
    return String.format("SW-%s-%03d", authority, number);
  }
}
