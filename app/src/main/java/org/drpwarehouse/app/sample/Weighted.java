package org.drpwarehouse.app.sample;

import java.util.ArrayList;
import java.util.List;

/**
 * A fixed distribution over a few values, drawn with a {@link Dice}. Built once per table (code
 * mixes read from published children-looked-after statistics, roughly) and shared.
 */
final class Weighted<T> {
  private final List<T> items;
  private final double[] cumulative;

  private Weighted(List<T> items, double[] cumulative) {
    this.items = List.copyOf(items);
    this.cumulative = cumulative;
  }

  static <T> Builder<T> builder() {
    return new Builder<>();
  }

  T draw(Dice dice) {
    double target = dice.unit() * cumulative[cumulative.length - 1];
    for (int i = 0; i < cumulative.length; i++) {
      if (target < cumulative[i]) {
        return items.get(i);
      }
    }
    return items.get(items.size() - 1);
  }

  static final class Builder<T> {
    private final List<T> items = new ArrayList<>();
    private final List<Double> weights = new ArrayList<>();

    Builder<T> add(T item, double weight) {
      if (weight <= 0) {
        throw new IllegalArgumentException("Weight of " + item + " must be positive: " + weight);
      }
      items.add(item);
      weights.add(weight);
      return this;
    }

    Weighted<T> build() {
      if (items.isEmpty()) {
        throw new IllegalStateException("A distribution needs at least one value");
      }
      double[] cumulative = new double[weights.size()];
      double sum = 0;
      for (int i = 0; i < cumulative.length; i++) {
        sum += weights.get(i);
        cumulative[i] = sum;
      }
      return new Weighted<>(items, cumulative);
    }
  }
}
