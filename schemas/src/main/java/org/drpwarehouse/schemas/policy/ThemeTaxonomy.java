package org.drpwarehouse.schemas.policy;

import org.drpwarehouse.schemas.YamlNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drpwarehouse.schemas.DrpUserException;

/**
 * The canonical theme taxonomy: every theme a dispute's category can be mapped to, in groups.
 * Policies map their own category codes onto these ids ({@link Policy#categories()}); the warehouse
 * counts, compares and trends disputes by theme.
 *
 * <p>Contract: ids are unique and stable; {@link #themes()} is in file order, grouped as
 * {@link #groups()} lists them; the taxonomy always contains {@value #UNMAPPED}, the theme given to
 * a category its policy does not map (such disputes are kept and flagged, never dropped), and
 * {@code other}. The canonical taxonomy ships in the jar as {@code drp/themes.yaml}; the format is in
 * docs/policies.md.
 */
public final class ThemeTaxonomy {
  /** Theme id given to a category a policy does not map (kept and flagged downstream, never dropped). */
  public static final String UNMAPPED = "unmapped";

  /** Theme id for a concern that fits no other theme; policies may map categories to it. */
  static final String OTHER = "other";

  static final String RESOURCE = "drp/themes.yaml";

  private final Map<String, Theme> themes;
  private final List<String> groups;

  private ThemeTaxonomy(Map<String, Theme> themes, List<String> groups) {
    this.themes = Collections.unmodifiableMap(themes);
    this.groups = List.copyOf(groups);
  }

  /** The taxonomy shipped with the warehouse ({@code drp/themes.yaml} on the classpath). */
  public static ThemeTaxonomy canonical() {
    return Holder.CANONICAL;
  }

  private static final class Holder {
    static final ThemeTaxonomy CANONICAL = load();

    private static ThemeTaxonomy load() {
      try (InputStream in = ThemeTaxonomy.class.getClassLoader().getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("The build lost " + RESOURCE + " from the classpath");
        }
        return read(in, "themes.yaml");
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + RESOURCE, e);
      }
    }
  }

  /** Reads and validates a taxonomy file (the canonical one; kept package-private for tests). */
  static ThemeTaxonomy read(InputStream yaml, String fileName) {
    YamlNode root = YamlNode.parse(yaml, fileName, "see docs/policies.md", DrpUserException::new, "'groups:' and 'themes:'").keys(List.of("groups", "themes"), List.of());
    Set<String> groups = new LinkedHashSet<>();
    for (YamlNode group : root.get("groups").elements()) {
      if (!groups.add(group.text())) {
        throw group.error("group '" + group.text() + "' is listed twice", "list each group once");
      }
    }
    Map<String, Theme> themes = new LinkedHashMap<>();
    for (YamlNode node : root.get("themes").elements()) {
      node.keys(List.of("id", "label", "group", "description"), List.of());
      YamlNode id = node.get("id");
      if (!id.text().matches("[a-z][a-z0-9]*(_[a-z0-9]+)*")) {
        throw id.error("'" + id.text() + "' is not a snake_case id", "use lower-case words joined by _");
      }
      YamlNode group = node.get("group");
      if (!groups.contains(group.text())) {
        throw group.error("'" + group.text() + "' is not one of the groups", "use one of " + String.join(", ", groups));
      }
      Theme theme = new Theme(id.text(), node.get("label").text(), group.text(), node.get("description").text());
      if (themes.putIfAbsent(theme.id(), theme) != null) {
        throw id.error("theme id '" + theme.id() + "' is defined twice", "give each theme its own id");
      }
    }
    for (String required : List.of(UNMAPPED, OTHER)) {
      if (!themes.containsKey(required)) {
        throw root.error("the taxonomy has no '" + required + "' theme", "add it: downstream relies on it");
      }
    }
    // Themes are listed group by group so that themes() reads in dashboard order.
    List<Theme> ordered = new ArrayList<>();
    for (String group : groups) {
      themes.values().stream().filter(t -> t.group().equals(group)).forEach(ordered::add);
      if (ordered.stream().noneMatch(t -> t.group().equals(group))) {
        throw root.error("group '" + group + "' has no themes", "remove it or add a theme to it");
      }
    }
    Map<String, Theme> byId = new LinkedHashMap<>();
    ordered.forEach(t -> byId.put(t.id(), t));
    return new ThemeTaxonomy(byId, new ArrayList<>(groups));
  }

  /** Every theme, group by group in {@link #groups()} order. */
  public List<Theme> themes() {
    return List.copyOf(themes.values());
  }

  public boolean contains(String id) {
    return themes.containsKey(id);
  }

  /** The theme with this id; an unknown id is a user error listing the known ones. */
  public Theme theme(String id) {
    Theme theme = themes.get(id);
    if (theme == null) {
      throw new DrpUserException("theme '" + id + "'", "is not in the canonical theme taxonomy",
          "use one of " + String.join(", ", themes.keySet()));
    }
    return theme;
  }

  /** The group labels, in display order. */
  public List<String> groups() {
    return groups;
  }

  /** The ids of every theme, in {@link #themes()} order. */
  List<String> ids() {
    return List.copyOf(themes.keySet());
  }
}
