package org.drpwarehouse.app.sample;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The random source of one part of one authority's data. Each authority gets one {@code Dice} per
 * {@link Purpose}, seeded from (run seed, authority index, purpose) alone, so that an authority's
 * children do not change when, say, the malformed-row rate changes, and so that authorities can be
 * generated one at a time in any order with the same result.
 */
final class Dice {
  /** What a stream of random numbers is used for; the ordinal is part of the seed, so append only. */
  enum Purpose {
    PROFILE,
    CHILDREN,
    CHILD_PROTECTION,
    ALLOCATIONS,
    DISPUTES,
    REVIEW_DECISIONS,
    MALFORMED
  }

  private final SplittableRandom random;

  private Dice(long seed) {
    this.random = new SplittableRandom(seed);
  }

  static Dice of(long runSeed, int authorityIndex, Purpose purpose) {
    // SplitMix64 finaliser over the three inputs: neighbouring seeds and indexes give unrelated streams.
    long h = mix(runSeed ^ 0x9E3779B97F4A7C15L);
    h = mix(h + 0x9E3779B97F4A7C15L * (authorityIndex + 1L));
    h = mix(h + 0xBF58476D1CE4E5B9L * (purpose.ordinal() + 1L));
    return new Dice(h);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** True with probability {@code p}. */
  boolean chance(double p) {
    return random.nextDouble() < p;
  }

  /** Uniform in [0, 1). */
  double unit() {
    return random.nextDouble();
  }

  /** Uniform in [0, n). */
  int below(int n) {
    return random.nextInt(n);
  }

  /** Uniform in [low, high], both included. */
  int between(int low, int high) {
    return low + random.nextInt(high - low + 1);
  }

  <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  /** Fisher-Yates, in place. */
  <T> void shuffle(List<T> items) {
    for (int i = items.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      T swap = items.get(i);
      items.set(i, items.get(j));
      items.set(j, swap);
    }
  }
}
