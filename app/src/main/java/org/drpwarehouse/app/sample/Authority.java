package org.drpwarehouse.app.sample;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.drpwarehouse.schemas.policy.Policy;

/**
 * One synthetic authority: its code, size and the presets bound to it over the period.
 *
 * @param index 0-based position in the run; with the run seed it seeds every random choice
 * @param size scale of the authority, 0.5 (small) to 2 (large); 1 is about 300 children looked
 *     after over three years and 110 disputes a year
 * @param bindings in date order; the first starts on the period start
 * @param policies the preset of each binding, same order
 */
record Authority(
    int index,
    String code,
    String name,
    LocalDate periodStart,
    LocalDate periodEnd,
    double size,
    List<AuthorityBinding> bindings,
    List<Policy> policies) {

  Authority {
    bindings = List.copyOf(bindings);
    policies = List.copyOf(policies);
    if (bindings.size() != policies.size() || bindings.isEmpty()) {
      throw new IllegalArgumentException("Authority " + code + " needs one policy per binding");
    }
  }

  static String codeOf(int index) {
    return String.valueOf(101 + index);
  }

  /**
   * Binds authority {@code index} to preset {@code index mod n}; every {@code switchEvery}-th one
   * moves to the next preset half-way through the period (1 April of the middle year; 1 October
   * in a one-year run), so that binding over time is exercised.
   *
   * <p>A preset only judges disputes from its own effective date (Lambeth's procedure is dated
   * September 2023). An authority whose preset starts later than the period is bound first to a
   * preset already in force, and adopts its own on that preset's effective date, as an authority
   * that revised its procedure would.
   */
  static Authority plan(int index, GeneratorSettings settings, List<Policy> presets) {
    String code = codeOf(index);
    String name = "Synthetic Authority " + code;
    LocalDate start = settings.periodStart();
    List<Policy> wanted = new ArrayList<>();
    List<LocalDate> from = new ArrayList<>();
    wanted.add(presets.get(index % presets.size()));
    from.add(start);
    int every = settings.presetSwitchEvery();
    if (every > 0 && (index + 1) % every == 0 && presets.size() > 1) {
      wanted.add(presets.get((index + 1) % presets.size()));
      from.add(settings.years() >= 2 ? LocalDate.of(settings.startYear() + settings.years() / 2, 4, 1) : start.plusMonths(6));
    }
    List<AuthorityBinding> bindings = new ArrayList<>();
    List<Policy> policies = new ArrayList<>();
    for (int i = 0; i < wanted.size(); i++) {
      Policy policy = wanted.get(i);
      LocalDate date = from.get(i).isBefore(policy.effectiveFrom()) ? policy.effectiveFrom() : from.get(i);
      if (date.isAfter(settings.periodEnd())) {
        continue;
      }
      if (!bindings.isEmpty() && !date.isAfter(bindings.get(bindings.size() - 1).effectiveFrom())) {
        bindings.remove(bindings.size() - 1);
        policies.remove(policies.size() - 1);
      }
      bindings.add(new AuthorityBinding(code, name, policy.id(), date));
      policies.add(policy);
    }
    if (bindings.isEmpty() || bindings.get(0).effectiveFrom().isAfter(start)) {
      Policy inForce = inForceOn(start, index, presets);
      bindings.add(0, new AuthorityBinding(code, name, inForce.id(), start));
      policies.add(0, inForce);
    }
    // Skewed towards smaller authorities, as English LAs are: mean size about 1.
    Dice profile = Dice.of(settings.seed(), index, Dice.Purpose.PROFILE);
    double u = profile.unit();
    double size = 0.5 + 1.5 * u * u;
    return new Authority(index, code, name, start, settings.periodEnd(), size, bindings, policies);
  }

  /** The next preset after {@code index}'s own that is in force on {@code date}. */
  private static Policy inForceOn(LocalDate date, int index, List<Policy> presets) {
    for (int step = 1; step <= presets.size(); step++) {
      Policy candidate = presets.get((index + step) % presets.size());
      if (!candidate.effectiveFrom().isAfter(date)) {
        return candidate;
      }
    }
    throw new IllegalArgumentException(
        "No preset is in force on " + date + ": the period must start on or after the earliest effective date, "
            + presets.stream().map(Policy::effectiveFrom).min(LocalDate::compareTo).orElseThrow());
  }

  /** The policy bound on {@code date}: the one a dispute first opened that day follows. */
  Policy policyOn(LocalDate date) {
    Policy bound = policies.get(0);
    for (int i = 0; i < bindings.size(); i++) {
      if (!bindings.get(i).effectiveFrom().isAfter(date)) {
        bound = policies.get(i);
      }
    }
    return bound;
  }

  boolean everBound(String policyId) {
    return policies.stream().anyMatch(p -> p.id().equals(policyId));
  }
}
