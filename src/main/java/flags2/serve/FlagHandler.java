package flags2.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers {@code GET /flags/{cc}/{cc}.gif} and {@code /flags/{cc}/metadata.json} from its {@link
 * Content}, after the delay and with the error its {@link Behaviour} decides. Only paths of exactly
 * that shape are looked up; anything with {@code ..} in it, encoded or not, is refused with 400.
 */
final class FlagHandler implements HttpHandler {
  private static final Pattern PATH =
      Pattern.compile("/flags/([a-z]{2})/(\\1\\.gif|metadata\\.json)");

  private final Content content;
  private final Behaviour behaviour;
  private final Pause pause;

  FlagHandler(Content content, Behaviour behaviour, Pause pause) {
    this.content = content;
    this.behaviour = behaviour;
    this.pause = pause;
  }

  private record Reply(int status, byte[] body, String contentType) {
    static Reply text(int status, String text) {
      return new Reply(status, text.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8");
    }
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    long arrival = System.nanoTime();
    try (exchange) {
      String rawPath = exchange.getRequestURI().getRawPath();
      Behaviour.Decision decision = behaviour.decide(rawPath);
      Reply reply =
          decision.error()
              ? Reply.text(behaviour.errorStatus(), errorText(behaviour.errorStatus()))
              : reply(exchange.getRequestMethod(), rawPath);
      if (!pause.until(arrival, decision.delay())) {
        return; // the server is stopping
      }
      exchange.getResponseHeaders().set("Content-Type", reply.contentType());
      if (reply.status() == 503 || reply.status() == 429) {
        exchange.getResponseHeaders().set("Retry-After", "1");
      }
      boolean head = exchange.getRequestMethod().equals("HEAD");
      exchange.sendResponseHeaders(
          reply.status(), head ? -1 : reply.body().length == 0 ? -1 : reply.body().length);
      if (!head) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(reply.body());
        }
      }
    } catch (IOException clientWentAway) {
      // nothing to answer: the client closed the connection
    }
  }

  private Reply reply(String method, String rawPath) throws IOException {
    if (!method.equals("GET") && !method.equals("HEAD")) {
      return Reply.text(405, "Method Not Allowed\n");
    }
    if (URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8).contains("..")) {
      return Reply.text(400, "Bad Request: path traversal refused\n");
    }
    Matcher m = PATH.matcher(rawPath);
    Optional<Content.Resource> found =
        m.matches() ? content.find(m.group(1), m.group(2)) : Optional.empty();
    return found
        .map(r -> new Reply(200, r.body(), r.contentType()))
        .orElseGet(() -> Reply.text(404, "Not Found\n"));
  }

  /** The body of an error reply: the book's teapot, or the status code. */
  private static String errorText(int status) {
    return status == 418 ? "I'm a Teapot\n" : "Error " + status + "\n";
  }
}
