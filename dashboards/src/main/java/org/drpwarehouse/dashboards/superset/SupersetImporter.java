package org.drpwarehouse.dashboards.superset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.drpwarehouse.dashboards.serving.ServingTarget;
import org.drpwarehouse.schemas.DrpUserException;

/**
 * Imports a bundle into a running Superset through its REST API, as {@code drp publish
 * --superset-url URL} does:
 *
 * <ol>
 *   <li>{@code POST /api/v1/security/login} with {@code {"username", "password", "provider": "db"}}
 *       gives an access token;
 *   <li>{@code GET /api/v1/security/csrf_token/} with that bearer token gives a CSRF token and the
 *       session cookie it belongs to;
 *   <li>{@code POST /api/v1/assets/import/} as {@code multipart/form-data}: the ZIP as {@code bundle},
 *       {@code passwords} as JSON ({@code {"databases/<name>.yaml": "<serving password>"}}) and
 *       {@code overwrite=true}, with the bearer token, {@code X-CSRFToken}, the session cookie and a
 *       {@code Referer} of the Superset URL (Flask-WTF checks it over HTTPS).
 * </ol>
 *
 * <p>The bundle is checked offline first ({@link BundleValidator}) and must be of {@link
 * BundleKind#ASSETS}: the assets endpoint refuses a {@code type: Dashboard} bundle. Credentials come
 * from the environment ({@link SupersetCredentials}); no password appears in a log line or an
 * exception message, and text quoted from Superset is scrubbed of them. Failures are user errors
 * naming the URL and what to check: a 401 at login, a missing permission, a bundle Superset refuses.
 */
public final class SupersetImporter {
  private static final Logger LOG = LogManager.getLogger(SupersetImporter.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  static final String LOGIN = "/api/v1/security/login";
  static final String CSRF = "/api/v1/security/csrf_token/";
  static final String IMPORT = "/api/v1/assets/import/";

  private final String base;
  private final SupersetCredentials credentials;
  private final HttpClient client;
  private final Duration timeout;

  public SupersetImporter(URI supersetUrl, SupersetCredentials credentials) {
    this(supersetUrl, credentials,
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(15)).followRedirects(HttpClient.Redirect.NEVER).build(),
        Duration.ofMinutes(5));
  }

  SupersetImporter(URI supersetUrl, SupersetCredentials credentials, HttpClient client, Duration timeout) {
    Objects.requireNonNull(supersetUrl, "supersetUrl");
    String scheme = supersetUrl.getScheme();
    if (!("http".equals(scheme) || "https".equals(scheme)) || supersetUrl.getHost() == null) {
      throw new DrpUserException("--superset-url " + supersetUrl, "is not an http or https URL",
          "give Superset's address, e.g. https://superset.example.internal");
    }
    if (supersetUrl.getUserInfo() != null || supersetUrl.getQuery() != null) {
      throw new DrpUserException("--superset-url", "carries a user or a query",
          "give the bare address; the user and password come from " + SupersetCredentials.USER_ENV + " and "
              + SupersetCredentials.PASSWORD_ENV);
    }
    this.base = supersetUrl.toString().replaceAll("/+$", "");
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    this.client = Objects.requireNonNull(client, "client");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  /**
   * Imports {@code bundle} (a {@link BundleKind#ASSETS} ZIP), overwriting the objects with the same
   * UUIDs.
   *
   * @throws DrpUserException when the bundle is not valid, Superset cannot be reached, refuses the
   *     login or the bundle
   */
  public SupersetImport importBundle(byte[] bundle) {
    new BundleValidator().check(bundle);
    List<String> databaseFiles = assetsDatabaseFiles(bundle);
    LOG.info("Logging in to Superset at {} as {}", base, credentials.user());
    String token = login();
    Map<String, String> cookies = new LinkedHashMap<>();
    String csrf = csrfToken(token, cookies);
    Map<String, String> passwords = new LinkedHashMap<>();
    databaseFiles.forEach(file -> passwords.put(file, credentials.servingPassword()));
    LOG.info("Importing the bundle ({} bytes, databases {}) into Superset at {}", bundle.length, databaseFiles, base);
    String message = upload(bundle, passwords, token, csrf, cookies);
    LOG.info("Superset at {} imported the bundle: {}", base, message);
    return new SupersetImport(URI.create(base), databaseFiles, message);
  }

  private String login() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("username", credentials.user());
    body.put("password", credentials.password());
    body.put("provider", "db");
    body.put("refresh", false);
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + LOGIN)).timeout(timeout)
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(Yaml.json(body))).build();
    HttpResponse<String> response = send(request, "log in");
    if (response.statusCode() == 401 || response.statusCode() == 403) {
      throw new DrpUserException(base + LOGIN,
          "Superset refused the login of user '" + credentials.user() + "' (HTTP " + response.statusCode() + ")",
          "check " + SupersetCredentials.USER_ENV + " and " + SupersetCredentials.PASSWORD_ENV
              + ": the user must be a Superset database user (provider db, not OAuth or LDAP) and the password its own");
    }
    requireOk(response, LOGIN, "log in");
    return field(response, "access_token", LOGIN);
  }

  private String csrfToken(String token, Map<String, String> cookies) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + CSRF)).timeout(timeout)
        .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build();
    HttpResponse<String> response = send(request, "get a CSRF token");
    requireOk(response, CSRF, "get a CSRF token");
    for (String header : response.headers().allValues("Set-Cookie")) {
      String pair = header.split(";", 2)[0];
      int eq = pair.indexOf('=');
      if (eq > 0) {
        cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
      }
    }
    return field(response, "result", CSRF);
  }

  private String upload(byte[] bundle, Map<String, String> passwords, String token, String csrf, Map<String, String> cookies) {
    String boundary = "drp-" + UUID.randomUUID().toString().replace("-", "");
    byte[] body = multipart(boundary, bundle, Yaml.json(passwords));
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + IMPORT)).timeout(timeout)
        .header("Authorization", "Bearer " + token)
        .header("X-CSRFToken", csrf)
        .header("Referer", base + "/")
        .header("Accept", "application/json")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (!cookies.isEmpty()) {
      request.header("Cookie", String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
    }
    HttpResponse<String> response = send(request.build(), "import the bundle");
    if (response.statusCode() == 401 || response.statusCode() == 403) {
      throw new DrpUserException(base + IMPORT,
          "Superset did not let user '" + credentials.user() + "' import assets (HTTP " + response.statusCode() + "): "
              + excerpt(response.body()),
          "give the user a role that may import (Admin, or can_import on ImportExportRestApi with write access to "
              + "databases, datasets, charts and dashboards)");
    }
    if (response.statusCode() == 400 || response.statusCode() == 422) {
      throw new DrpUserException(base + IMPORT, "Superset refused the bundle (HTTP " + response.statusCode() + "): "
          + excerpt(response.body()),
          "check that Superset reaches the serving database with the password in " + ServingTarget.PASSWORD_ENV
              + ", and that the bundle was built for this Superset version (4.1 or later)");
    }
    requireOk(response, IMPORT, "import the bundle");
    try {
      JsonNode message = JSON.readTree(response.body()).get("message");
      return message == null ? "OK" : credentials.scrub(message.asText());
    } catch (IOException e) {
      return "OK";
    }
  }

  static byte[] multipart(String boundary, byte[] bundle, String passwordsJson) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String crlf = "\r\n";
    out.writeBytes(("--" + boundary + crlf
        + "Content-Disposition: form-data; name=\"bundle\"; filename=\"bundle.zip\"" + crlf
        + "Content-Type: application/zip" + crlf + crlf).getBytes(StandardCharsets.UTF_8));
    out.writeBytes(bundle);
    out.writeBytes((crlf + "--" + boundary + crlf
        + "Content-Disposition: form-data; name=\"passwords\"" + crlf + crlf
        + passwordsJson + crlf + "--" + boundary + crlf
        + "Content-Disposition: form-data; name=\"overwrite\"" + crlf + crlf
        + "true" + crlf + "--" + boundary + "--" + crlf).getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  /** The {@code databases/} files of an assets bundle, by their path inside the root folder. */
  private static List<String> assetsDatabaseFiles(byte[] bundle) {
    List<String> databases = new ArrayList<>();
    String type = null;
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bundle), StandardCharsets.UTF_8)) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        String path = entry.getName().substring(entry.getName().indexOf('/') + 1);
        if (path.equals("metadata.yaml")) {
          Object declared = Yaml.read(new String(in.readAllBytes(), StandardCharsets.UTF_8)).get("type");
          type = declared == null ? null : declared.toString();
        } else if (path.startsWith("databases/")) {
          databases.add(path);
        }
      }
    } catch (IOException e) {
      throw new DrpUserException("Superset bundle", "cannot be read: " + e.getMessage(), "rebuild it");
    }
    if (type != null && !type.equals(BundleKind.ASSETS.metadataType())) {
      throw new DrpUserException("Superset bundle metadata.yaml", "declares type " + type
          + ", which Superset's assets import refuses", "build the bundle for the API with BundleKind.ASSETS (type assets)");
    }
    return databases;
  }

  private HttpResponse<String> send(HttpRequest request, String what) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new DrpUserException(base, "could not " + what + ": " + credentials.scrub(String.valueOf(e.getMessage()))
          + " (" + e.getClass().getSimpleName() + ")", "check --superset-url and that Superset is running and reachable");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while trying to " + what + " at " + base, e);
    }
  }

  private void requireOk(HttpResponse<String> response, String path, String what) {
    if (response.statusCode() / 100 != 2) {
      throw new DrpUserException(base + path, "Superset answered HTTP " + response.statusCode() + " when asked to " + what
          + ": " + excerpt(response.body()), "check --superset-url points at Superset itself (4.1 or later) and its logs");
    }
  }

  private String field(HttpResponse<String> response, String name, String path) {
    try {
      JsonNode value = JSON.readTree(response.body()).get(name);
      if (value == null || value.asText().isEmpty()) {
        throw new IOException("no " + name);
      }
      return value.asText();
    } catch (IOException e) {
      throw new DrpUserException(base + path, "Superset's answer has no " + name + ": " + excerpt(response.body()),
          "check --superset-url points at Superset itself (4.1 or later)");
    }
  }

  private String excerpt(String body) {
    String text = credentials.scrub(body == null ? "" : body.strip());
    return text.length() > 500 ? text.substring(0, 500) + "..." : text;
  }
}
