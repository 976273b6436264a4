package org.drpwarehouse.app.sample;

/**
 * Spreads a rare event over a stream of trials at a given rate with little variance: each trial
 * adds a random credit averaging {@code rate}, and the event happens whenever a whole unit is
 * saved up. Independent draws at 2.5% leave a small authority with no Cafcass referral at all in
 * some years; this gives every authority about its share, at irregular intervals.
 */
final class Quota {
  private final double rate;
  private double credit;

  Quota(double rate, Dice dice) {
    this.rate = rate;
    this.credit = dice.unit();
  }

  /** Whether this trial gets the event. */
  boolean take(Dice dice) {
    credit += rate * 2 * dice.unit();
    if (credit >= 1) {
      credit -= 1;
      return true;
    }
    return false;
  }
}
