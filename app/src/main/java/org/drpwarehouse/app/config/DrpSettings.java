package org.drpwarehouse.app.config;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import org.drpwarehouse.schemas.DrpUserException;

/**
 * The warehouse's configuration: a {@code --config} properties file, overridden by environment
 * variables, over the embedded defaults. Every key is declared in {@link #DEFINITIONS} with its
 * documentation and validator; an unknown key is an error (a typo must not be silently ignored).
 *
 * <pre>
 * # drp.properties
 * warehouse=s3a://my-bucket/drp-warehouse
 * spark.master=spark://10.0.0.5:7077
 * calendar.bank-holidays-json=/etc/drp/bank-holidays.json
 * policies.files=/etc/drp/policies/ourauthority-v2.yaml
 * </pre>
 */
public final class DrpSettings {
  public static final Setting<URI> WAREHOUSE =
      new Setting<>(
          "warehouse",
          "DRP_WAREHOUSE",
          "./drp-warehouse",
          "Where the warehouse tables live: a file: or s3a: URI, or a local folder. --warehouse overrides it.",
          WarehouseUris::parse);

  public static final Setting<String> SPARK_MASTER =
      new Setting<>(
          "spark.master",
          "DRP_SPARK_MASTER",
          "local[*]",
          "The Spark master: local[N] runs in this JVM; spark://host:port uses a standalone cluster."
              + " Under spark-submit, the default is the master spark-submit was given.",
          DrpSettings::sparkMaster);

  public static final Setting<Optional<Path>> BANK_HOLIDAYS_JSON =
      new Setting<>(
          "calendar.bank-holidays-json",
          "DRP_BANK_HOLIDAYS_JSON",
          null,
          "The official gov.uk bank-holidays.json; its England and Wales dates win for the years it covers.",
          DrpSettings::existingFile);

  public static final Setting<List<Path>> POLICY_FILES =
      new Setting<>(
          "policies.files",
          "DRP_POLICY_FILES",
          "",
          "Extra policy files (comma separated), added to the five presets: a new policy or a new version of one.",
          DrpSettings::existingFiles);

  public static final Setting<Integer> SHUFFLE_PARTITIONS =
      new Setting<>(
          "spark.shuffle-partitions",
          "DRP_SPARK_SHUFFLE_PARTITIONS",
          "8",
          "Spark SQL shuffle partitions: a few per core; raise it on a cluster.",
          text -> positive(text, "spark.shuffle-partitions"));

  public static final Setting<String> JOB_REPOSITORY_URL =
      new Setting<>(
          "jobrepo.url",
          "DRP_JOBREPO_URL",
          "",
          "JDBC URL of the Spring Batch job repository, e.g. jdbc:postgresql://127.0.0.1:5432/drp."
              + " Empty: embedded H2 in the warehouse's _system folder.",
          DrpSettings::trimmed);

  public static final Setting<String> JOB_REPOSITORY_USER =
      new Setting<>("jobrepo.user", "DRP_JOBREPO_USER", "", "User of the job repository database.",
          DrpSettings::trimmed);

  /** Read from the environment only: a password never sits in a settings file. */
  public static final Setting<String> JOB_REPOSITORY_PASSWORD =
      new Setting<>("jobrepo.password", "DRP_JOBREPO_PASSWORD", "",
          "Password of the job repository database (environment only).", text -> text == null ? "" : text);

  public static final Setting<Integer> CHUNK_SIZE =
      new Setting<>(
          "ingest.chunk-size",
          "DRP_INGEST_CHUNK_SIZE",
          "5000",
          "Records per Spring Batch chunk: one staged file and one job-repository commit each.",
          text -> positive(text, "ingest.chunk-size"));

  public static final Setting<Optional<Path>> PSEUDONYMISATION_KEY_FILE =
      new Setting<>(
          "pseudonymisation.key-file",
          "DRP_PSEUDONYMISATION_KEY_FILE",
          null,
          "File holding the base64 key of the keyed hash (HMAC-SHA256) that pseudonymises ids after bronze;"
              + " owner-only permissions. DRP_PSEUDONYMISATION_KEY (base64) may give the key itself instead.",
          DrpSettings::existingFile);

  /** Every setting, in documentation order. */
  public static final List<Setting<?>> DEFINITIONS =
      List.of(
          WAREHOUSE, SPARK_MASTER, SHUFFLE_PARTITIONS, BANK_HOLIDAYS_JSON, POLICY_FILES, JOB_REPOSITORY_URL,
          JOB_REPOSITORY_USER, JOB_REPOSITORY_PASSWORD, CHUNK_SIZE, PSEUDONYMISATION_KEY_FILE);

  /** Settings that may come from the environment only. */
  private static final List<Setting<?>> ENVIRONMENT_ONLY = List.of(JOB_REPOSITORY_PASSWORD);

  private final Map<String, String> values;
  private final String origin;

  private DrpSettings(Map<String, String> values, String origin) {
    this.values = values;
    this.origin = origin;
  }

  /** The embedded defaults, with environment overrides. */
  public static DrpSettings defaults() {
    return load(null, System.getenv());
  }

  /**
   * Reads a {@code --config} file (or none) and the environment. Every value is validated now, so a
   * bad setting fails before any work starts, naming the file, the key and the reason.
   */
  public static DrpSettings load(Path configFile, Map<String, String> environment) {
    Map<String, String> values = new LinkedHashMap<>();
    String origin = "embedded defaults";
    if (configFile != null) {
      origin = configFile.toString();
      Properties file = new Properties();
      try (InputStream in = Files.newInputStream(configFile)) {
        file.load(in);
      } catch (IOException e) {
        throw new DrpUserException(configFile.toString(), "cannot be read (" + e.getMessage() + ")",
            "check the --config path", e);
      }
      for (String key : new TreeSet<>(file.stringPropertyNames())) {
        if (DEFINITIONS.stream().noneMatch(s -> s.key().equals(key))) {
          throw new DrpUserException(configFile + ": " + key, "is not a setting",
              "use one of " + DEFINITIONS.stream().map(Setting::key).toList());
        }
        if (ENVIRONMENT_ONLY.stream().anyMatch(s -> s.key().equals(key))) {
          throw new DrpUserException(configFile + ": " + key, "is a secret and may not sit in a settings file",
              "remove it from the file and set the environment variable instead");
        }
        values.put(key, file.getProperty(key).trim());
      }
    }
    for (Setting<?> setting : DEFINITIONS) {
      String fromEnv = setting.environment() == null ? null : environment.get(setting.environment());
      if (fromEnv != null && !fromEnv.isBlank()) {
        values.put(setting.key(), fromEnv.trim());
      }
    }
    DrpSettings settings = new DrpSettings(values, origin);
    for (Setting<?> setting : DEFINITIONS) {
      settings.get(setting);
    }
    return settings;
  }

  /** The value of a setting, validated. */
  public <T> T get(Setting<T> setting) {
    String text = values.getOrDefault(setting.key(), setting.defaultValue());
    try {
      return setting.parser().apply(text);
    } catch (IllegalArgumentException e) {
      throw new DrpUserException(origin + ": " + setting.key(), e.getMessage(), setting.doc(), e);
    }
  }

  /** Whether the settings file, the environment or the command line gave this setting (not its default). */
  public boolean isGiven(Setting<?> setting) {
    return values.containsKey(setting.key());
  }

  /** A copy with one value replaced, as a command-line option does. */
  public DrpSettings with(Setting<?> setting, String value) {
    Map<String, String> copy = new LinkedHashMap<>(values);
    copy.put(setting.key(), value);
    DrpSettings result = new DrpSettings(copy, origin + " and the command line");
    result.get(setting);
    return result;
  }

  /** Free text, trimmed; absent is empty. */
  private static String trimmed(String text) {
    return text == null ? "" : text.trim();
  }

  private static Integer positive(String text, String key) {
    try {
      int value = Integer.parseInt(text.trim());
      if (value < 1) {
        throw new IllegalArgumentException("must be 1 or more, not " + value);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not a whole number", e);
    }
  }

  private static String sparkMaster(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("is empty");
    }
    if (!(text.startsWith("local") || text.startsWith("spark://") || text.equals("yarn") || text.startsWith("k8s://"))) {
      throw new IllegalArgumentException("'" + text + "' is not a Spark master URL (local[N], spark://host:port, yarn, k8s://...)");
    }
    return text;
  }

  private static Optional<Path> existingFile(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    Path path = Path.of(text);
    if (!Files.isRegularFile(path)) {
      throw new IllegalArgumentException("file " + text + " does not exist");
    }
    return Optional.of(path);
  }

  private static List<Path> existingFiles(String text) {
    List<Path> files = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return files;
    }
    for (String part : Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList()) {
      files.add(existingFile(part).orElseThrow());
    }
    return List.copyOf(files);
  }
}
