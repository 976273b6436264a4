package org.drpwarehouse.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.drpwarehouse.app.config.DrpSettings;
import org.drpwarehouse.app.spark.SparkSessions;
import org.drpwarehouse.ingestion.JobRepositories;
import org.drpwarehouse.transforms.PseudonymisationKey;
import org.drpwarehouse.schemas.DrpUserException;
import org.drpwarehouse.schemas.calendar.BankHolidays;
import org.drpwarehouse.schemas.calendar.WorkingDayCalendar;
import org.drpwarehouse.schemas.policy.PolicyCatalog;

/**
 * What commands share, built from the settings on first use: the working-day calendar (with the
 * gov.uk file laid over the rules where configured) and the policy catalog (presets plus configured
 * policy files).
 */
public final class Environment {
  private final DrpSettings settings;
  private WorkingDayCalendar calendar;
  private PolicyCatalog catalog;
  private SparkSession spark;

  public Environment(DrpSettings settings) {
    this.settings = settings;
  }

  public DrpSettings settings() {
    return settings;
  }

  public WorkingDayCalendar calendar() {
    if (calendar == null) {
      Optional<Path> govUk = settings.get(DrpSettings.BANK_HOLIDAYS_JSON);
      if (govUk.isEmpty()) {
        calendar = WorkingDayCalendar.england();
      } else {
        BankHolidays rules =
            BankHolidays.englandAndWales(WorkingDayCalendar.DEFAULT_FIRST_YEAR, WorkingDayCalendar.DEFAULT_LAST_YEAR);
        try (InputStream in = Files.newInputStream(govUk.get())) {
          calendar =
              new WorkingDayCalendar(
                  rules.withGovUk(in, govUk.get().toString()),
                  WorkingDayCalendar.DEFAULT_FIRST_YEAR,
                  WorkingDayCalendar.DEFAULT_LAST_YEAR);
        } catch (IOException e) {
          throw new DrpUserException(govUk.get().toString(), "cannot be read (" + e.getMessage() + ")",
              "check calendar.bank-holidays-json", e);
        }
      }
    }
    return calendar;
  }

  /** The process's SparkSession, started on first use (commands that need no Spark never start it). */
  public SparkSession spark() {
    if (spark == null) {
      spark = SparkSessions.create(settings, "drp");
    }
    return spark;
  }

  public URI warehouse() {
    return settings.get(DrpSettings.WAREHOUSE);
  }

  /** Opens the Spring Batch job repository: the configured database, or H2 in the warehouse. */
  public JobRepositories openJobRepository() {
    String url = settings.get(DrpSettings.JOB_REPOSITORY_URL);
    if (url.isEmpty()) {
      if (!"file".equals(warehouse().getScheme())) {
        throw new DrpUserException("warehouse " + warehouse(),
            "is not a local folder, so the embedded job repository cannot live in it",
            "set jobrepo.url to a PostgreSQL database (DRP_JOBREPO_URL), which also holds the warehouse's lock");
      }
      return JobRepositories.embedded(warehouse());
    }
    return JobRepositories.jdbc(
        url, settings.get(DrpSettings.JOB_REPOSITORY_USER), settings.get(DrpSettings.JOB_REPOSITORY_PASSWORD));
  }

  /** The environment variable that may hold the pseudonymisation key itself (base64). */
  public static final String KEY_VARIABLE = "DRP_PSEUDONYMISATION_KEY";

  /**
   * The pseudonymisation key: the configured key file, else {@value #KEY_VARIABLE}, else the local
   * key {@code fallback} (created with owner-only permissions if missing; the demo's way).
   */
  public PseudonymisationKey pseudonymisationKey(Path fallback) {
    Optional<Path> file = settings.get(DrpSettings.PSEUDONYMISATION_KEY_FILE);
    try {
      if (file.isPresent()) {
        return PseudonymisationKey.fromFile(file.get());
      }
      String fromEnvironment = System.getenv(KEY_VARIABLE);
      if (fromEnvironment != null && !fromEnvironment.isBlank()) {
        return PseudonymisationKey.fromEnvironment(KEY_VARIABLE);
      }
      return Files.exists(fallback) ? PseudonymisationKey.fromFile(fallback) : PseudonymisationKey.createLocal(fallback);
    } catch (IllegalArgumentException e) {
      throw new DrpUserException("pseudonymisation key", e.getMessage(),
          "see pseudonymisation.key-file in the README", e);
    }
  }

  public PolicyCatalog policies() {
    if (catalog == null) {
      catalog = PolicyCatalog.presets().withFiles(settings.get(DrpSettings.POLICY_FILES));
    }
    return catalog;
  }
}
