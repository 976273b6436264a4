package org.drpwarehouse.schemas.policy;

import java.util.Objects;

/**
 * One theme of the canonical taxonomy: the common name under which the warehouse counts disputes
 * whatever category code each authority gave them, so that themes compare across time and
 * authorities.
 *
 * <p>Contract: {@code id} is stable snake_case (it is stored in every dispute row and never renamed);
 * {@code label} is what a dashboard shows; {@code group} is the label of the theme's group (e.g.
 * {@code Statutory requirements}), one of {@link ThemeTaxonomy#groups()}; {@code description} is one
 * line saying which concerns belong here.
 */
public record Theme(String id, String label, String group, String description) {

  public Theme {
    Objects.requireNonNull(id, "id");
    if (!id.matches("[a-z][a-z0-9]*(_[a-z0-9]+)*")) {
      throw new IllegalArgumentException("Cannot use theme id '" + id + "': use snake_case, e.g. statutory_visits");
    }
    requireText(label, "label", id);
    requireText(group, "group", id);
    requireText(description, "description", id);
  }

  private static void requireText(String value, String what, String id) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("Theme " + id + " needs a " + what);
    }
  }
}
