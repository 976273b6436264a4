package org.drpwarehouse.dashboards.superset;

import java.util.List;
import java.util.Map;
import org.drpwarehouse.dashboards.serving.ServingTarget;
import org.drpwarehouse.schemas.DrpUserException;

/**
 * The secrets an import needs, from the environment only: Superset's user and password ({@value
 * #USER_ENV}, {@value #PASSWORD_ENV}; a database-auth user allowed to import assets) and the serving
 * database password Superset will connect with ({@value ServingTarget#PASSWORD_ENV}). {@link
 * #toString()} shows the user only.
 */
public record SupersetCredentials(String user, String password, String servingPassword) {
  public static final String USER_ENV = "DRP_SUPERSET_USER";
  public static final String PASSWORD_ENV = "DRP_SUPERSET_PASSWORD";

  public SupersetCredentials {
    if (user == null || user.isBlank()) {
      throw new IllegalArgumentException("Cannot log in to Superset without a user");
    }
    if (password == null || password.isEmpty()) {
      throw new IllegalArgumentException("Cannot log in to Superset as " + user + " without a password");
    }
    servingPassword = servingPassword == null ? "" : servingPassword;
  }

  /**
   * Reads the three variables from {@code environment}.
   *
   * @throws DrpUserException naming the variables that are not set
   */
  public static SupersetCredentials fromEnvironment(Map<String, String> environment) {
    List<String> missing = List.of(USER_ENV, PASSWORD_ENV, ServingTarget.PASSWORD_ENV).stream()
        .filter(name -> environment.get(name) == null || environment.get(name).isEmpty()).toList();
    if (!missing.isEmpty()) {
      throw new DrpUserException("environment", "publishing to Superset needs " + String.join(", ", missing) + " set",
          "export " + USER_ENV + " and " + PASSWORD_ENV + " (a Superset database user that may import assets) and "
              + ServingTarget.PASSWORD_ENV + " (the password Superset connects to the serving database with)");
    }
    return new SupersetCredentials(environment.get(USER_ENV), environment.get(PASSWORD_ENV),
        environment.get(ServingTarget.PASSWORD_ENV));
  }

  /** Replaces every secret in {@code text}, for messages that quote what a server said. */
  String scrub(String text) {
    if (text == null) {
      return "";
    }
    String scrubbed = text.replace(password, "********");
    return servingPassword.isEmpty() ? scrubbed : scrubbed.replace(servingPassword, "********");
  }

  @Override
  public String toString() {
    return "SupersetCredentials[user " + user + ", passwords from the environment]";
  }
}
