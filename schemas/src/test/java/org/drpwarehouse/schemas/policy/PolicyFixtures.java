package org.drpwarehouse.schemas.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Policy files for tests: a small valid user policy, and the presets' own text to derive versions from. */
final class PolicyFixtures {
  private PolicyFixtures() {}

  /** A valid policy of a made-up authority; tests change one thing at a time. */
  static final String MY_BOROUGH =
      """
      id: my-borough
      version: 1
      effective_from: 2020-04-01
      name: My Borough DRP
      seed: local-policy-2020.pdf
      extensions_allowed: false
      holds_allowed: false
      bypass:
        consultation_required: false
      cafcass:
        notice_lead_wd: 0
        must_inform: [DCS]
        internal_route_first: false
      clauses:
        timescale.total: §2 “20 working days”
      ladders:
        CLA:
          informal_limit_wd: 10
          total_limit_wd: 20
          stages:
            - id: informal
              label: Informal
              formal: false
              responder: SOCIAL_WORKER
              timescale: {kind: SET_BY_IRO, working_days: 10}
            - id: stage1
              label: Stage 1
              formal: true
              responder: TEAM_MANAGER
              timescale: {kind: FIXED, working_days: 4}
            - id: stage2
              label: Stage 2
              formal: true
              responder: SERVICE_MANAGER
              timescale:
                kind: FIXED
                working_days: 5
              response: MEETING_CONVENED
      categories:
        DRIFT: drift_in_care_planning
        OTHER: other
      """;

  /** The text with one exact, unique passage replaced (a test fails if the passage is not there once). */
  static String replace(String text, String from, String to) {
    int first = text.indexOf(from);
    assertThat(first).as("fixture contains \"" + from + "\"").isGreaterThanOrEqualTo(0);
    assertThat(text.lastIndexOf(from)).as("fixture contains \"" + from + "\" only once").isEqualTo(first);
    return text.substring(0, first) + to + text.substring(first + from.length());
  }

  static InputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  /** A preset's YAML as shipped. */
  static String presetText(String id) {
    try (InputStream in = PolicyFixtures.class.getClassLoader().getResourceAsStream("drp/policies/" + id + ".yaml")) {
      assertThat(in).as("preset " + id + " on the classpath").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path write(Path dir, String name, String text) {
    try {
      return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Calderdale as if it issued a version 2 from 2025-04-01 with stage 3 cut to 5 WD. */
  static String calderdaleV2() {
    String text = replace(presetText("calderdale"), "version: 1", "version: 2");
    text = replace(text, "effective_from: 2015-01-01", "effective_from: 2025-04-01");
    return replace(text, "        responder: SERVICE_MANAGER\n        timescale: {kind: FIXED, working_days: 6}",
        "        responder: SERVICE_MANAGER\n        timescale: {kind: FIXED, working_days: 5}");
  }
}
