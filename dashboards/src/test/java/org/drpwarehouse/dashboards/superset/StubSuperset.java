package org.drpwarehouse.dashboards.superset;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A stand-in for Superset's REST API on 127.0.0.1 (an ephemeral port) that records every request
 * and answers like Superset: a token at login, a CSRF token with a session cookie, OK at import.
 * A test can make any endpoint answer with another status and body.
 */
final class StubSuperset implements AutoCloseable {
  static final String ACCESS_TOKEN = "access-token-1f2e";
  static final String CSRF_TOKEN = "csrf-token-9a8b";
  static final String SESSION = "session-cookie-77";

  /** One request as the server saw it. */
  record Request(String method, String path, Map<String, List<String>> headers, byte[] body) {
    String header(String name) {
      List<String> values = headers.get(name.toLowerCase());
      return values == null ? null : String.join(",", values);
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private record Answer(int status, String body) {}

  private final HttpServer server;
  private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, Answer> answers = Collections.synchronizedMap(new TreeMap<>());

  StubSuperset() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  /** Makes {@code path} answer {@code status} with {@code body}. */
  void answer(String path, int status, String body) {
    answers.put(path, new Answer(status, body));
  }

  private void handle(HttpExchange exchange) throws IOException {
    Map<String, List<String>> headers = new TreeMap<>();
    exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), List.copyOf(values)));
    byte[] body = exchange.getRequestBody().readAllBytes();
    String path = exchange.getRequestURI().getPath();
    Request request = new Request(exchange.getRequestMethod(), path, headers, body);
    requests.add(request);
    Answer answer = answers.get(path);
    if (answer == null) {
      answer = switch (path) {
        case SupersetImporter.LOGIN -> new Answer(200, "{\"access_token\": \"" + ACCESS_TOKEN + "\"}");
        case SupersetImporter.CSRF -> ("Bearer " + ACCESS_TOKEN).equals(request.header("Authorization"))
            ? new Answer(200, "{\"result\": \"" + CSRF_TOKEN + "\"}") : new Answer(401, "{\"msg\": \"Missing Authorization Header\"}");
        case SupersetImporter.IMPORT -> new Answer(200, "{\"message\": \"OK\"}");
        default -> new Answer(404, "{\"message\": \"Not found\"}");
      };
    }
    if (path.equals(SupersetImporter.CSRF) && answer.status() == 200) {
      // Flask sets the session cookie the CSRF token is bound to.
      exchange.getResponseHeaders().add("Set-Cookie", "session=" + SESSION + "; HttpOnly; Path=/");
    }
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(answer.status(), bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
