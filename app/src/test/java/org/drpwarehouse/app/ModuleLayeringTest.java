package org.drpwarehouse.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The pipeline's layering: {@code schemas} depends on no project module; each stage module depends on
 * {@code schemas} only; only {@code app} knows every module. Checked twice: in the compiled classes
 * (ArchUnit) and in the module poms, so a dependency against the pipeline direction fails the build
 * even before any class uses it.
 */
class ModuleLayeringTest {
  private static final String ROOT = "org.drpwarehouse";
  /** module folder to its root package. */
  private static final Map<String, String> PACKAGES =
      Map.of(
          "schemas", ROOT + ".schemas",
          "ingestion", ROOT + ".ingestion",
          "transforms", ROOT + ".transforms",
          "quality-checks", ROOT + ".quality",
          "dashboards", ROOT + ".dashboards",
          "app", ROOT + ".app");
  /** module folder to the project modules it may depend on. */
  private static final Map<String, Set<String>> ALLOWED =
      Map.of(
          "schemas", Set.of(),
          "ingestion", Set.of("schemas"),
          "transforms", Set.of("schemas"),
          "quality-checks", Set.of("schemas"),
          "dashboards", Set.of("schemas"),
          "app", Set.of("schemas", "ingestion", "transforms", "quality-checks", "dashboards"));

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
  }

  @Test
  void no_module_uses_a_class_of_a_module_it_may_not_depend_on() {
    for (Map.Entry<String, String> module : PACKAGES.entrySet()) {
      List<String> forbidden = new ArrayList<>();
      for (Map.Entry<String, String> other : PACKAGES.entrySet()) {
        if (!other.getKey().equals(module.getKey()) && !ALLOWED.get(module.getKey()).contains(other.getKey())) {
          forbidden.add(other.getValue() + "..");
        }
      }
      if (!forbidden.isEmpty()) {
        noClasses()
            .that()
            .resideInAPackage(module.getValue() + "..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(forbidden.toArray(String[]::new))
            .allowEmptyShould(true)
            .because(module.getKey() + " may depend on " + ALLOWED.get(module.getKey()) + " only")
            .check(classes);
      }
    }
  }

  @Test
  void no_class_outside_a_module_touches_its_internal_packages() {
    for (String pkg : PACKAGES.values()) {
      noClasses()
          .that()
          .resideOutsideOfPackage(pkg + "..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage(pkg + ".internal..")
          .allowEmptyShould(true)
          .check(classes);
    }
  }

  @Test
  void module_poms_declare_only_dependencies_along_the_pipeline() throws Exception {
    Path root = Path.of(System.getProperty("drp.repo.dir", "..")).toAbsolutePath().normalize();
    for (String module : ALLOWED.keySet()) {
      Path pom = root.resolve(module).resolve("pom.xml");
      assertThat(Files.exists(pom)).as(pom + " exists").isTrue();
      Set<String> declared = new TreeSet<>();
      Element project =
          DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
      NodeList dependencies = project.getElementsByTagName("dependency");
      for (int i = 0; i < dependencies.getLength(); i++) {
        Element dependency = (Element) dependencies.item(i);
        String group = dependency.getElementsByTagName("groupId").item(0).getTextContent().trim();
        String artifact = dependency.getElementsByTagName("artifactId").item(0).getTextContent().trim();
        if (group.equals(ROOT) || group.equals("${project.groupId}")) {
          declared.add(artifact.replaceFirst("^drp-", ""));
        }
      }
      assertThat(declared)
          .as(module + "/pom.xml depends along the pipeline only")
          .isSubsetOf(ALLOWED.get(module));
    }
  }
}
