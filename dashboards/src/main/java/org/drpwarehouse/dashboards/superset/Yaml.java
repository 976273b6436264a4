package org.drpwarehouse.dashboards.superset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.util.Map;

/**
 * YAML as the bundle writes and reads it: maps keep their insertion order, so the same model gives
 * the same text, and every string is quoted, so PyYAML reads {@code "1.0"} or {@code "no"} as text.
 */
final class Yaml {
  private static final ObjectMapper MAPPER =
      new ObjectMapper(YAMLFactory.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .disable(YAMLGenerator.Feature.SPLIT_LINES).build());
  private static final ObjectMapper JSON = new ObjectMapper();

  private Yaml() {}

  static String write(Map<String, Object> document) {
    try {
      return MAPPER.writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write a bundle file as YAML: " + e.getMessage(), e);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> read(String text) throws JsonProcessingException {
    Object value = MAPPER.readValue(text, Object.class);
    if (!(value instanceof Map)) {
      throw new IllegalArgumentException("is not a YAML mapping");
    }
    return (Map<String, Object>) value;
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write JSON: " + e.getMessage(), e);
    }
  }
}
