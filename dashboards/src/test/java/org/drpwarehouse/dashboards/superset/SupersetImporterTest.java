package org.drpwarehouse.dashboards.superset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drpwarehouse.dashboards.serving.ServingTarget;
import org.drpwarehouse.schemas.DrpUserException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SupersetImporterTest {
  private static final String ADMIN_PASSWORD = "superset-secret-4Kp";
  private static final String SERVING_PASSWORD = "serving-secret-7Qx";
  private static final SupersetCredentials CREDENTIALS = SupersetCredentials.fromEnvironment(Map.of(
      SupersetCredentials.USER_ENV, "drp_publisher",
      SupersetCredentials.PASSWORD_ENV, ADMIN_PASSWORD,
      ServingTarget.PASSWORD_ENV, SERVING_PASSWORD));

  private StubSuperset superset;
  private final byte[] bundle = Bundles.board().zip(BundleKind.ASSETS);

  @BeforeEach
  void start() throws Exception {
    superset = new StubSuperset();
  }

  @AfterEach
  void stop() {
    superset.close();
  }

  @Test
  void logsInFetchesTheCsrfTokenAndUploadsTheBundleInThatOrder() throws Exception {
    SupersetImport result = new SupersetImporter(superset.url(), CREDENTIALS).importBundle(bundle);

    List<StubSuperset.Request> requests = superset.requests();
    assertThat(requests).extracting(r -> r.method() + " " + r.path()).containsExactly(
        "POST /api/v1/security/login", "GET /api/v1/security/csrf_token/", "POST /api/v1/assets/import/");

    StubSuperset.Request login = requests.get(0);
    assertThat(login.header("Content-Type")).isEqualTo("application/json");
    assertThat(new ObjectMapper().readTree(login.body()).properties()).extracting(Map.Entry::getKey)
        .contains("username", "password", "provider");
    assertThat(new ObjectMapper().readTree(login.body()).get("provider").asText()).isEqualTo("db");
    assertThat(new ObjectMapper().readTree(login.body()).get("username").asText()).isEqualTo("drp_publisher");
    assertThat(new ObjectMapper().readTree(login.body()).get("password").asText()).isEqualTo(ADMIN_PASSWORD);

    assertThat(requests.get(1).header("Authorization")).isEqualTo("Bearer " + StubSuperset.ACCESS_TOKEN);

    StubSuperset.Request upload = requests.get(2);
    assertThat(upload.header("Authorization")).isEqualTo("Bearer " + StubSuperset.ACCESS_TOKEN);
    assertThat(upload.header("X-CSRFToken")).isEqualTo(StubSuperset.CSRF_TOKEN);
    assertThat(upload.header("Cookie")).as("the session the CSRF token belongs to").isEqualTo("session=" + StubSuperset.SESSION);
    assertThat(upload.header("Referer")).isEqualTo(superset.url() + "/");
    String contentType = upload.header("Content-Type");
    assertThat(contentType).startsWith("multipart/form-data; boundary=");
    Map<String, Part> parts = multipart(upload.body(), contentType.substring(contentType.indexOf("boundary=") + 9));
    assertThat(parts).containsOnlyKeys("bundle", "passwords", "overwrite");
    assertThat(parts.get("bundle").body()).as("the ZIP sent is the bundle, byte for byte").isEqualTo(bundle);
    assertThat(parts.get("bundle").headers()).contains("filename=\"bundle.zip\"").contains("Content-Type: application/zip");
    assertThat(new ObjectMapper().readValue(parts.get("passwords").body(), Map.class))
        .as("the serving password, keyed by the database file inside the root folder")
        .isEqualTo(Map.of("databases/DRP_serving.yaml", SERVING_PASSWORD));
    assertThat(new String(parts.get("overwrite").body(), StandardCharsets.UTF_8)).isEqualTo("true");

    assertThat(result.message()).isEqualTo("OK");
    assertThat(result.databaseFiles()).containsExactly("databases/DRP_serving.yaml");
  }

  @Test
  void aRefusedLoginNamesTheUrlAndWhatToCheck() {
    superset.answer(SupersetImporter.LOGIN, 401, "{\"message\": \"Not authorized\"}");

    assertThatThrownBy(() -> new SupersetImporter(superset.url(), CREDENTIALS).importBundle(bundle))
        .isInstanceOf(DrpUserException.class)
        .hasMessageContaining(superset.url() + "/api/v1/security/login")
        .hasMessageContaining("refused the login of user 'drp_publisher' (HTTP 401)")
        .hasMessageContaining("DRP_SUPERSET_USER").hasMessageContaining("DRP_SUPERSET_PASSWORD")
        .hasMessageNotContaining(ADMIN_PASSWORD);
    assertThat(superset.requests()).as("nothing is uploaded after a refused login").hasSize(1);
  }

  @Test
  void aBundleSupersetRefusesIsReportedWithItsAnswerScrubbedOfPasswords() {
    superset.answer(SupersetImporter.IMPORT, 422,
        "{\"errors\": [{\"message\": \"Could not connect with password " + SERVING_PASSWORD + "\"}]}");

    assertThatThrownBy(() -> new SupersetImporter(superset.url(), CREDENTIALS).importBundle(bundle))
        .isInstanceOf(DrpUserException.class)
        .hasMessageContaining(superset.url() + "/api/v1/assets/import/")
        .hasMessageContaining("Superset refused the bundle (HTTP 422)")
        .hasMessageContaining("Could not connect with password ********")
        .hasMessageContaining(ServingTarget.PASSWORD_ENV)
        .hasMessageNotContaining(SERVING_PASSWORD);
  }

  @Test
  void aUserWithoutImportRightsIsToldWhichRoleItNeeds() {
    superset.answer(SupersetImporter.IMPORT, 403, "{\"message\": \"Forbidden\"}");

    assertThatThrownBy(() -> new SupersetImporter(superset.url(), CREDENTIALS).importBundle(bundle))
        .isInstanceOf(DrpUserException.class)
        .hasMessageContaining("did not let user 'drp_publisher' import assets (HTTP 403)")
        .hasMessageContaining("can_import");
  }

  @Test
  void aDashboardTypeBundleIsRefusedBeforeAnyRequest() {
    byte[] forTheUi = Bundles.board().zip(BundleKind.DASHBOARD);

    assertThatThrownBy(() -> new SupersetImporter(superset.url(), CREDENTIALS).importBundle(forTheUi))
        .isInstanceOf(DrpUserException.class)
        .hasMessageContaining("declares type Dashboard")
        .hasMessageContaining("BundleKind.ASSETS");
    assertThat(superset.requests()).isEmpty();
  }

  @Test
  void anInvalidBundleIsRefusedBeforeAnyRequest() {
    Map<String, Map<String, Object>> files = Bundles.parsed(BundleKind.ASSETS);
    files.remove("databases/DRP_serving.yaml");

    assertThatThrownBy(() -> new SupersetImporter(superset.url(), CREDENTIALS).importBundle(Bundles.rezip(files)))
        .isInstanceOf(DrpUserException.class).hasMessageContaining("database_uuid");
    assertThat(superset.requests()).isEmpty();
  }

  @Test
  void anUnreachableSupersetNamesTheUrl() throws Exception {
    URI gone;
    try (StubSuperset stopped = new StubSuperset()) {
      gone = stopped.url();
    }

    assertThatThrownBy(() -> new SupersetImporter(gone, CREDENTIALS).importBundle(bundle))
        .isInstanceOf(DrpUserException.class)
        .hasMessageContaining(gone.toString())
        .hasMessageContaining("could not log in")
        .hasMessageContaining("--superset-url");
  }

  @Test
  void noPasswordAppearsInAnyLogLineOrExceptionMessage() {
    List<String> seen = new ArrayList<>();
    try (LogCapture logs = new LogCapture()) {
      new SupersetImporter(superset.url(), CREDENTIALS).importBundle(bundle);
      superset.answer(SupersetImporter.IMPORT, 422, "{\"message\": \"bad password " + ADMIN_PASSWORD + " / " + SERVING_PASSWORD + "\"}");
      seen.add(messages(() -> new SupersetImporter(superset.url(), CREDENTIALS).importBundle(bundle)));
      superset.answer(SupersetImporter.LOGIN, 401, "{\"message\": \"wrong password " + ADMIN_PASSWORD + "\"}");
      seen.add(messages(() -> new SupersetImporter(superset.url(), CREDENTIALS).importBundle(bundle)));
      seen.addAll(logs.lines());
    }
    seen.add(CREDENTIALS.toString());

    assertThat(seen).as("log lines were captured").anyMatch(line -> line.contains("Logging in to Superset at " + superset.url()));
    assertThat(seen).noneMatch(line -> line.contains(ADMIN_PASSWORD)).noneMatch(line -> line.contains(SERVING_PASSWORD));
  }

  @Test
  void credentialsComeFromTheEnvironmentAndSayWhichAreMissing() {
    assertThatThrownBy(() -> SupersetCredentials.fromEnvironment(Map.of(SupersetCredentials.USER_ENV, "drp_publisher")))
        .isInstanceOf(DrpUserException.class)
        .hasMessageContaining("needs DRP_SUPERSET_PASSWORD, DRP_SERVING_PASSWORD set");
    assertThat(CREDENTIALS.toString()).contains("drp_publisher").doesNotContain(ADMIN_PASSWORD).doesNotContain(SERVING_PASSWORD);
  }

  @Test
  void aSupersetUrlWithCredentialsInItIsRefused() {
    assertThatThrownBy(() -> new SupersetImporter(URI.create("https://admin:pw@superset.example.internal"), CREDENTIALS))
        .isInstanceOf(DrpUserException.class).hasMessageContaining("carries a user");
  }

  private static String messages(Runnable action) {
    try {
      action.run();
      return "";
    } catch (RuntimeException e) {
      StringBuilder all = new StringBuilder();
      for (Throwable t = e; t != null; t = t.getCause()) {
        all.append(t).append('\n');
      }
      return all.toString();
    }
  }

  record Part(String headers, byte[] body) {}

  /** A minimal multipart/form-data reader: parts by name, each with its header block and body. */
  private static Map<String, Part> multipart(byte[] body, String boundary) {
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.UTF_8);
    List<Integer> starts = new ArrayList<>();
    for (int i = 0; i + delimiter.length <= body.length; i++) {
      if (Arrays.equals(body, i, i + delimiter.length, delimiter, 0, delimiter.length)) {
        starts.add(i);
      }
    }
    Map<String, Part> parts = new LinkedHashMap<>();
    for (int k = 0; k + 1 < starts.size(); k++) {
      int from = starts.get(k) + delimiter.length + 2; // CRLF after the delimiter
      int to = starts.get(k + 1) - 2; // CRLF before the next one
      String head = null;
      int bodyStart = -1;
      for (int i = from; i + 3 < to; i++) {
        if (body[i] == '\r' && body[i + 1] == '\n' && body[i + 2] == '\r' && body[i + 3] == '\n') {
          head = new String(body, from, i - from, StandardCharsets.UTF_8);
          bodyStart = i + 4;
          break;
        }
      }
      String name = head.replaceAll("(?s).*?; name=\"([^\"]+)\".*", "$1");
      parts.put(name, new Part(head, Arrays.copyOfRange(body, bodyStart, to)));
    }
    assertThat(new String(body, starts.get(starts.size() - 1), delimiter.length + 2, StandardCharsets.UTF_8))
        .as("the body closes with the final delimiter").isEqualTo("--" + boundary + "--");
    return parts;
  }
}
