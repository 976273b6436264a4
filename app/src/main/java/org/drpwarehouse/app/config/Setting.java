package org.drpwarehouse.app.config;

import java.util.Objects;
import java.util.function.Function;

/**
 * One configuration setting: its key, what it means, its default and how its text is checked and
 * read. Settings are data, declared once in {@link DrpSettings#DEFINITIONS}, so that the
 * documentation and the validation cannot drift apart.
 *
 * @param key the key in a {@code --config} file, e.g. {@code calendar.bank-holidays-json}
 * @param environment the environment variable that overrides the file, e.g. {@code DRP_SPARK_MASTER}
 * @param defaultValue the value when neither gives one; {@code null} for none
 * @param doc what the setting does, for {@code drp --help} and the README
 * @param parser reads and validates the text; throws {@link IllegalArgumentException} with the reason
 */
public record Setting<T>(String key, String environment, String defaultValue, String doc, Function<String, T> parser) {
  public Setting {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(doc, "doc");
    Objects.requireNonNull(parser, "parser");
  }
}
