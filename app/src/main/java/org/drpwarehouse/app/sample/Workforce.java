package org.drpwarehouse.app.sample;

import java.util.ArrayList;
import java.util.List;

/**
 * An authority's teams, social workers and IROs. Larger authorities have more teams and IROs
 * (8 to 15); each team has its own pool of social workers.
 */
record Workforce(
    List<String> iros, List<Team> childrenInCare, Team leavingCare, Team disabledChildren, List<Team> safeguarding) {

  /** A team and its social workers. */
  record Team(String name, String serviceArea, List<String> socialWorkers) {}

  static Workforce of(Authority authority, Dice dice) {
    double size = authority.size();
    int iroCount = 8 + (int) Math.round(7 * (size - 0.5) / 1.5);
    List<String> iros = new ArrayList<>();
    for (int i = 1; i <= iroCount; i++) {
      iros.add(SyntheticIds.iro(authority.code(), i));
    }
    int[] worker = {0};
    List<Team> cic = new ArrayList<>();
    int cicTeams = size < 0.9 ? 2 : size < 1.5 ? 3 : 4;
    for (int i = 1; i <= cicTeams; i++) {
      cic.add(team("Children in Care " + i, "Children in Care", authority, worker, dice));
    }
    List<Team> safeguarding = new ArrayList<>();
    int sgTeams = size < 1.2 ? 2 : 3;
    for (int i = 1; i <= sgTeams; i++) {
      safeguarding.add(team("Safeguarding " + i, "Safeguarding", authority, worker, dice));
    }
    Team leaving = team("Leaving Care", "Leaving Care", authority, worker, dice);
    Team disabled = team("Disabled Children", "Disabled Children", authority, worker, dice);
    return new Workforce(List.copyOf(iros), List.copyOf(cic), leaving, disabled, List.copyOf(safeguarding));
  }

  private static Team team(String name, String area, Authority authority, int[] worker, Dice dice) {
    int count = dice.between(5, 9);
    List<String> workers = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      workers.add(SyntheticIds.socialWorker(authority.code(), ++worker[0]));
    }
    return new Team(name, area, List.copyOf(workers));
  }
}
