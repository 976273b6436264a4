package org.drpwarehouse.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code drp audit} on a hand-built dispute taken through the real pipeline (ingest, transform,
 * check), published: the pack's timeline has the due dates the Calderdale policy gives, how each
 * was derived, and the lineage of every event to its line of the extract.
 *
 * <p>D-1, Calderdale: stage 1 opened Friday 3 May 2024 (4 WD; Monday 6 May a bank holiday: due
 * Friday 10 May), answered 9 May (on time); stage 2 opened Monday 13 May (4 WD: due Friday 17
 * May), extended on 15 May to 24 May, never answered: overdue on the as-of date, 28 June 2024.
 */
class AuditCommandTest {
  static final String RAW_CHILD = "CH-778812";
  @TempDir static Path temp;
  static Pipeline pipeline;
  static Path pack;

  @BeforeAll
  static void publishTheHandBuiltDispute() throws IOException {
    Path extract = temp.resolve("extract");
    Files.createDirectories(extract.resolve("381"));
    Files.writeString(extract.resolve("policy_bindings.csv"),
        "authority,authority_name,policy_id,policy_version,effective_from\n381,Calderdale,calderdale,,2015-01-01\n");
    Files.writeString(extract.resolve("381/drp-extract.yaml"), "authority: \"381\"\nauthority_name: Calderdale\nextract_date: 2024-06-28\n");
    Files.writeString(extract.resolve("381/disputes.csv"),
        "authority,dispute_id,child_id,process,raised_by,identified_date,category,review_id,team\n"
            + "381,D-1," + RAW_CHILD + ",CLA,IRO-07,2024-05-02,CARE_PLANNING,R-1,Children in Care 2\n");
    Files.writeString(extract.resolve("381/dispute_events.csv"),
        "authority,event_id,dispute_id,event_date,event_type,stage,to_role,recorded_on_file,form_attached,agreed_date,outcome\n"
            + "381,E-1,D-1,2024-05-03,STAGE_OPENED,stage1,SOCIAL_WORKER,Y,Y,,\n"
            + "381,E-3,D-1,2024-05-13,STAGE_OPENED,stage2,TEAM_MANAGER,Y,N,,\n"
            + "381,E-2,D-1,2024-05-09,RESPONSE_RECEIVED,stage1,,Y,,,\n"
            + "381,E-4,D-1,2024-05-15,EXTENSION_AGREED,stage2,,Y,,2024-05-24,\n"
            + "381,E-5,D-1,2024-05-02,CHILD_INFORMED,,,Y,,,\n");
    pipeline = new Pipeline(temp);
    LocalDate asOf = LocalDate.of(2024, 6, 28);
    List<String> published = pipeline.build(extract, asOf);
    pipeline.publish("pub-20240701-090000-hand", asOf, published, List.of("381").stream().filter(a -> !published.contains(a)).toList());
    // The gate withholds 381 (stage 2's form is not attached; the child is in no SSDA903 return), so
    // the publication publishes nothing; an inspector still audits it, naming the publication.
    DrpRun audit = pipeline.ok("audit", "--authority", "381", "--dispute", "D-1", "--publication", "pub-20240701-090000-hand");
    assertThat(audit.out()).contains("Audit pack of 381 from publication pub-20240701-090000-hand (as of 2024-06-28): 1 disputes");
    pack = pipeline.warehouse().resolve("publications/pub-20240701-090000-hand/audit/381/dispute-D-1");
  }

  static List<Map<String, String>> csv(String file) throws IOException {
    List<String> lines = Files.readAllLines(pack.resolve(file));
    String[] header = lines.get(0).split(",", -1);
    return lines.subList(1, lines.size()).stream().map(line -> {
      String[] cells = splitQuoted(line);
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.length; i++) {
        row.put(header[i], cells[i]);
      }
      return row;
    }).toList();
  }

  static String[] splitQuoted(String line) {
    return java.util.Arrays.stream(line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1))
        .map(c -> c.startsWith("\"") ? c.substring(1, c.length() - 1).replace("\"\"", "\"") : c).toArray(String[]::new);
  }

  @Test
  void each_stage_has_the_due_date_the_policy_gives_and_says_how_it_was_derived() throws IOException {
    List<Map<String, String>> stages = csv("stages.csv");

    assertThat(stages).hasSize(2);
    assertThat(stages.get(0)).as("stage 1 opened Friday 3 May 2024, 4 WD, 6 May a bank holiday: due Friday 10 May")
        .containsEntry("stage", "stage1").containsEntry("opened_date", "2024-05-03").containsEntry("due_date", "2024-05-10")
        .containsEntry("response_date", "2024-05-09").containsEntry("response_status", "ON_TIME").containsEntry("wd_to_respond", "3")
        .containsEntry("opening_event_id", "E-1");
    assertThat(stages.get(1)).as("stage 2 opened Monday 13 May, 4 WD: due 17 May, extended to 24 May, never answered")
        .containsEntry("stage", "stage2").containsEntry("base_due_date", "2024-05-17").containsEntry("due_date", "2024-05-24")
        .containsEntry("response_status", "OVERDUE").containsEntry("extensions", "1").containsEntry("opening_event_id", "E-3");
    assertThat(stages.get(1).get("due_derivation")).as("how the due date was derived, in words").contains("2024-05-24");
    assertThat(stages.get(0).get("due_derivation")).isEqualTo("4 WD after 2024-05-03");
  }

  @Test
  void every_event_is_traced_to_its_line_of_the_extract() throws IOException {
    Map<String, String> lineOf = Map.of("E-1", "2", "E-3", "3", "E-2", "4", "E-4", "5", "E-5", "6");
    List<Map<String, String>> events = csv("events.csv");

    assertThat(events).extracting(e -> e.get("event_id")).as("every event, in timeline order")
        .containsExactly("E-5", "E-1", "E-2", "E-3", "E-4");
    for (Map<String, String> event : events) {
      assertThat(event).as(event.get("event_id")).containsEntry("_source_kind", "exchange")
          .containsEntry("_source_line", lineOf.get(event.get("event_id")));
      assertThat(event.get("_source_name")).endsWith("dispute_events.csv");
      assertThat(event.get("_batch_id")).isNotBlank();
    }
    String html = Files.readString(pack.resolve("audit.html"));
    assertThat(html).contains("dispute_events.csv line 3").contains("opens visit 2");
  }

  @Test
  void the_gates_exceptions_are_in_the_pack_with_the_clause_of_the_policy() throws IOException {
    List<Map<String, String>> byRule = csv("exceptions_by_rule.csv");

    assertThat(byRule).anySatisfy(rule -> assertThat(rule).containsEntry("rule_id", "record.form_attached")
        .containsEntry("records", "D-1#2").hasEntrySatisfying("clause", clause -> assertThat(clause).startsWith("calderdale")));
    assertThat(Files.readString(pack.resolve("audit.html"))).contains("WITHHELD from the publication");
  }

  @Test
  void the_pack_names_the_child_by_pseudonym_only() throws IOException {
    List<Map<String, String>> disputes = csv("disputes.csv");

    assertThat(disputes.get(0).get("child_id")).matches("[0-9a-f]{64}");
    try (var files = Files.list(pack)) {
      for (Path file : files.toList()) {
        assertThat(Files.readString(file)).as(file.getFileName().toString()).doesNotContain(RAW_CHILD).doesNotContain("IRO-07");
      }
    }
  }
}
