package org.drpwarehouse.schemas.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.drpwarehouse.schemas.DrpUserException;
import org.junit.jupiter.api.Test;

class ThemeTaxonomyTest {
  private final ThemeTaxonomy themes = ThemeTaxonomy.canonical();
  private final PolicyCatalog presets = PolicyCatalog.presets();

  /**
   * Every category the "Themes" section of policies.md names, with the preset codes that carry it
   * ({@code preset:CODE}). A category listed there and missing here fails the test below.
   */
  private static final Map<String, List<String>> SEED_CATEGORIES = new LinkedHashMap<>();

  private static void seed(String category, String... codes) {
    SEED_CATEGORIES.put(category, List.of(codes));
  }

  static {
    String cc = "constructive-challenge:";
    seed("general issues", cc + "GEN");
    seed("review preparation", cc + "GEN_REVIEW_PREP");
    seed("report quality", cc + "GEN_SW_REPORT");
    seed("child's voice", cc + "GEN_CHILD_VOICE");
    seed("plan not progressing", cc + "GEN_PLAN_NOT_PROGRESSING");
    seed("assessments late", cc + "GEN_ASSESSMENTS_LATE");
    seed("decisions not completed", cc + "GEN_DECISIONS");
    seed("contact", cc + "GEN_CONTACT");
    seed("health", cc + "GEN_HEALTH");
    seed("education", cc + "GEN_EDUCATION");
    seed("IRO not notified of significant event", cc + "GEN_SIGNIFICANT_EVENT");
    seed("IRO disagrees with plan", cc + "GEN_PLAN_DISAGREEMENT");
    seed("delays in bank accounts/passports", cc + "GEN_DOCUMENTS_DELAY");
    seed("life story work", cc + "GEN_LIFE_STORY");
    seed("failure to meet statutory requirements", cc + "STAT");
    seed("no allocated SW", cc + "STAT_NO_SW");
    seed("assessments", cc + "STAT_ASSESSMENTS");
    seed("care plan", cc + "STAT_CARE_PLAN", "iro-alerts-five-stage:KEY_DOCUMENTS_MISSING");
    seed("pathway plan", cc + "STAT_PATHWAY_PLAN", "iro-alerts-five-stage:KEY_DOCUMENTS_MISSING");
    seed("visits / child not seen alone", cc + "STAT_VISITS");
    seed("PEP", cc + "STAT_PEP", "iro-alerts-five-stage:KEY_DOCUMENTS_MISSING");
    seed("health assessment", cc + "STAT_HEALTH_ASSESSMENT", "iro-alerts-five-stage:KEY_DOCUMENTS_MISSING");
    seed("placement plan", cc + "STAT_PLACEMENT_PLAN", "iro-alerts-five-stage:KEY_DOCUMENTS_MISSING");
    seed("care plan implementation", cc + "CPI");
    seed("drift/delay", cc + "CPI_DRIFT");
    seed("permanence", cc + "CPI_PERMANENCE");
    seed("significant element not implemented", cc + "CPI_NOT_IMPLEMENTED");
    seed("IRO not told of changes", cc + "CPI_CHANGES_NOT_NOTIFIED");
    seed("provision of services", cc + "SERV", "lambeth:SERVICES");
    seed("placement suitability", cc + "SERV_PLACEMENT_SUITABILITY");
    seed("family finding", cc + "SERV_FAMILY_FINDING");
    seed("placement choice / standard of care", cc + "SERV_PLACEMENT_CHOICE");
    seed("professional practice", cc + "SERV_PRACTICE");
    seed("unregulated placements", cc + "SERV_UNREGULATED");

    String alerts = "iro-alerts-five-stage:";
    seed("significant drift in permanence planning", alerts + "PERMANENCE_DRIFT");
    seed("failure to visit", alerts + "FAILURE_TO_VISIT");
    seed("failure to plan", alerts + "FAILURE_TO_PLAN");
    seed("key documentation missing", alerts + "KEY_DOCUMENTS_MISSING");
    seed("social work report", alerts + "KEY_DOCUMENTS_MISSING");
    seed("post-adoption support plan", alerts + "KEY_DOCUMENTS_MISSING");
    seed("non-implementation of review decisions", alerts + "REVIEW_DECISIONS");
    seed("change of care plan without consulting the young person / the IRO",
        alerts + "PLAN_CHANGE_YP_NOT_CONSULTED", alerts + "PLAN_CHANGE_IRO_NOT_CONSULTED");
    seed("failure to inform the IRO of a significant event", alerts + "SIGNIFICANT_EVENT");
    seed("inadequate practice", alerts + "CPC_INADEQUATE_PRACTICE");
    seed("significant drift", alerts + "CPC_SIGNIFICANT_DRIFT");
    seed("non-implementation of CP plan", alerts + "CPC_PLAN_NOT_IMPLEMENTED");
    seed("decision making", alerts + "CPC_DECISION_MAKING");
    seed("safeguarding not adequately addressed", alerts + "CPC_SAFEGUARDING");

    seed("practice", "lambeth:PRACTICE");
    seed("judgement", "lambeth:JUDGEMENT");
    seed("clarification of accountability", "lambeth:ACCOUNTABILITY");
    seed("strategic issues", "lambeth:STRATEGIC");
    seed("statutory responsibilities", "lambeth:STATUTORY");
    seed("drift in care planning", "lambeth:DRIFT");
    seed("safeguarding", "lambeth:SAFEGUARDING");
  }

  /** Words of the section that label or qualify a list rather than name a category. */
  private static final Set<String> NOT_CATEGORIES = Set.of("CP concerns", "by agency");

  @Test
  void the_canonical_taxonomy_has_unique_snake_case_ids_in_known_groups() {
    List<String> ids = themes.themes().stream().map(Theme::id).toList();
    assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.matches("[a-z][a-z0-9]*(_[a-z0-9]+)*"));
    assertThat(themes.themes()).allSatisfy(t -> assertThat(themes.groups()).contains(t.group()));
    assertThat(themes.groups()).first().isEqualTo("Statutory requirements");
    assertThat(themes.groups()).last().isEqualTo("Other");
    assertThat(themes.themes()).extracting(Theme::group).as("themes listed group by group")
        .isSortedAccordingTo((a, b) -> Integer.compare(themes.groups().indexOf(a), themes.groups().indexOf(b)));
  }

  @Test
  void unmapped_and_other_are_always_there() {
    assertThat(themes.contains(ThemeTaxonomy.UNMAPPED)).isTrue();
    assertThat(themes.theme(ThemeTaxonomy.UNMAPPED).group()).isEqualTo("Other");
    assertThat(themes.contains("other")).isTrue();
    assertThat(themes.contains("no_such_theme")).isFalse();
    assertThatThrownBy(() -> themes.theme("no_such_theme")).isInstanceOf(DrpUserException.class)
        .hasMessageContaining("statutory_visits");
  }

  @Test
  void every_preset_category_maps_to_a_canonical_theme() {
    for (Policy policy : presets.all()) {
      assertThat(policy.categories()).as(policy.id() + " maps categories").isNotEmpty();
      policy.categories().forEach((code, theme) -> {
        assertThat(themes.contains(theme)).as(policy.id() + " " + code + " -> " + theme).isTrue();
        assertThat(theme).as(policy.id() + " " + code).isNotEqualTo(ThemeTaxonomy.UNMAPPED);
        assertThat(code).as(policy.id() + " codes look like what an authority types").matches("[A-Z][A-Z0-9_]*");
      });
      assertThat(policy.categories()).as(policy.id() + " has a catch-all").containsEntry("OTHER", "other");
    }
  }

  @Test
  void every_canonical_theme_is_reached_by_some_preset_category() {
    Set<String> used = presets.all().stream().flatMap(p -> p.categories().values().stream()).collect(Collectors.toSet());
    List<String> unused = themes.themes().stream().map(Theme::id)
        .filter(id -> !id.equals(ThemeTaxonomy.UNMAPPED) && !used.contains(id)).toList();
    assertThat(unused).as("themes no seed category leads to").isEmpty();
  }

  @Test
  void good_practice_is_recorded_alongside_concerns_as_in_lambeth() {
    assertThat(presets.latest("lambeth").themeOf("GOOD_PRACTICE"))
        .as("seed 003 §6: “The IRO/CP chair must ensure that copies of all good practice as well as QA escalations"
            + " (and written resolutions) are forwarded to the AD of QA”")
        .contains("good_practice");
  }

  @Test
  void every_category_named_in_the_themes_section_of_policies_md_maps_to_a_theme() throws IOException {
    List<String> named = categoriesNamedIn(Files.readString(SeedText.sharedPath("domain/policies.md"), StandardCharsets.UTF_8));
    assertThat(named).as("categories parsed from policies.md").hasSizeGreaterThan(50);

    List<String> notMapped = named.stream().filter(c -> !SEED_CATEGORIES.containsKey(c)).toList();
    assertThat(notMapped).as("categories policies.md names that no preset code is listed for here").isEmpty();
    List<String> stale = SEED_CATEGORIES.keySet().stream().filter(c -> !named.contains(c)).toList();
    assertThat(stale).as("categories listed here that policies.md does not name").isEmpty();

    SEED_CATEGORIES.forEach((category, codes) -> {
      for (String presetCode : codes) {
        String[] parts = presetCode.split(":");
        Policy policy = presets.latest(parts[0]);
        assertThat(policy.themeOf(parts[1])).as("\"" + category + "\": " + presetCode + " is mapped").isPresent();
        assertThat(themes.contains(policy.themeOf(parts[1]).orElseThrow())).isTrue();
      }
    });
  }

  /**
   * The categories of the section "Themes (categories of concern) named by the seeds": one bullet
   * per seed, categories separated by , ; : ( ) or a full stop.
   */
  static List<String> categoriesNamedIn(String policiesMd) {
    int start = policiesMd.indexOf("## Themes");
    int end = policiesMd.indexOf("\n## ", start + 1);
    assertThat(start).as("policies.md has a Themes section").isGreaterThanOrEqualTo(0);
    String section = policiesMd.substring(start, end < 0 ? policiesMd.length() : end);
    List<String> categories = new ArrayList<>();
    Matcher bullet = Pattern.compile("(?m)^- `\\d{3}_\u2026`:(.*(?:\\n(?!- |\\n).*)*)").matcher(section);
    while (bullet.find()) {
      String text = bullet.group(1).replaceAll("\\s+", " ");
      for (String part : text.split("[,;:()]|\\.(?= |$)")) {
        String category = part.strip().replaceFirst("^examples under ", "");
        if (!category.isEmpty() && !NOT_CATEGORIES.contains(category) && !categories.contains(category)) {
          categories.add(category);
        }
      }
    }
    return categories;
  }

  @Test
  void the_themes_section_parser_finds_each_category_once() {
    String md = "## Themes\n\n- `001_\u2026`: general issues (review preparation,\n  contact); care plan.\n"
        + "- `002_\u2026`: drift. CP concerns: practice (by agency).\n\nEach authority...\n\n## Next\n- `003_\u2026`: no\n";
    assertThat(categoriesNamedIn(md)).containsExactly("general issues", "review preparation", "contact", "care plan", "drift", "practice");
    assertThat(new HashSet<>(categoriesNamedIn(md))).hasSize(6);
  }

  private static final String MINIMAL =
      """
      groups: [Care planning, Other]
      themes:
        - {id: drift, label: Drift, group: Care planning, description: Drift in the plan.}
        - {id: other, label: Other, group: Other, description: Anything else.}
        - {id: unmapped, label: Unmapped, group: Other, description: Not mapped.}
      """;

  @Test
  void a_taxonomy_file_is_checked_like_a_policy_file() {
    assertThat(ThemeTaxonomy.read(PolicyFixtures.stream(MINIMAL), "themes.yaml").groups())
        .containsExactly("Care planning", "Other");
    assertThatThrownBy(() -> ThemeTaxonomy.read(PolicyFixtures.stream(MINIMAL.replace("group: Care planning", "group: Planning")), "themes.yaml"))
        .isInstanceOf(DrpUserException.class).hasMessageContaining("themes.yaml: themes[0].group")
        .hasMessageContaining("'Planning' is not one of the groups");
    assertThatThrownBy(() -> ThemeTaxonomy.read(PolicyFixtures.stream(MINIMAL.replace("id: other", "id: drift")), "themes.yaml"))
        .isInstanceOf(DrpUserException.class).hasMessageContaining("themes[1].id")
        .hasMessageContaining("theme id 'drift' is defined twice");
    assertThatThrownBy(() -> ThemeTaxonomy.read(PolicyFixtures.stream(MINIMAL.replace("id: drift", "id: Drift-Plan")), "themes.yaml"))
        .isInstanceOf(DrpUserException.class).hasMessageContaining("not a snake_case id");
    assertThatThrownBy(() -> ThemeTaxonomy.read(PolicyFixtures.stream(MINIMAL.replace("description: Drift", "descripton: Drift")), "themes.yaml"))
        .isInstanceOf(DrpUserException.class).hasMessageContaining("unknown key 'descripton'");
    assertThatThrownBy(() -> ThemeTaxonomy.read(PolicyFixtures.stream(
            MINIMAL.replace("  - {id: unmapped, label: Unmapped, group: Other, description: Not mapped.}\n", "")), "themes.yaml"))
        .isInstanceOf(DrpUserException.class).hasMessageContaining("no 'unmapped' theme");
  }
}
