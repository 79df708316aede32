package flags2.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import flags2.common.Site;
import flags2.strategy.Result;
import flags2.strategy.Status;
import flags2.strategy.StrategyKind;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code --json}: exactly one JSON object on stdout when the run ends, and nothing else there, with
 * one result per requested code, tried or not. Field names are documented in the README and in
 * {@code --help}, and kept stable: {@link #SCHEMA_VERSION} changes only when a field changes
 * meaning or goes away. With {@code -v}, the per-code lines go to stderr instead.
 */
public final class JsonReport implements Report {
  /** The {@code schema_version} field. */
  public static final int SCHEMA_VERSION = 1;

  private final PrintStream out;
  private final PrintStream verbose;
  private final StrategyKind strategy;
  private final Supplier<Transport> transport;
  private final StatusCounter counter = new StatusCounter();
  private final List<Result> results = new ArrayList<>();
  private Site.Target target;
  private List<String> codes = List.of();
  private int concurrency;
  private long startNanos;

  /**
   * {@code verbose} is where per-code lines go, or null for none; {@code transport} tells, when the
   * run finishes, what its requests went over.
   */
  public JsonReport(
      PrintStream out, PrintStream verbose, StrategyKind strategy, Supplier<Transport> transport) {
    this.out = out;
    this.verbose = verbose;
    this.strategy = strategy;
    this.transport = transport;
  }

  @Override
  public void initial(Site.Target target, List<String> codes, int concurrency) {
    this.target = target;
    this.codes = List.copyOf(codes);
    this.concurrency = concurrency;
  }

  @Override
  public void started(long startNanos) {
    this.startNanos = startNanos;
  }

  @Override
  public void retrying(Result failed, int retry, int retries, Duration wait) {
    if (verbose != null) {
      verbose.println(TextReport.retryLine(failed, retry, retries, wait));
    }
  }

  @Override
  public void accept(Result result) {
    counter.add(result.status());
    results.add(result);
    if (verbose != null) {
      verbose.println(TextReport.verboseLine(result));
    }
  }

  @Override
  public void finish(Duration elapsed, int notAttempted, ExitStatus status) {
    Map<String, Result> byCode = new HashMap<>();
    results.forEach(result -> byCode.put(result.code(), result));
    try {
      JsonGenerator json = new JsonFactory().createGenerator(out);
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      json.writeStartObject();
      json.writeNumberField("schema_version", SCHEMA_VERSION);
      json.writeStringField("site", target.site().name());
      json.writeStringField("url", target.display());
      json.writeStringField("strategy", strategy.cliName());
      json.writeNumberField("concurrency", concurrency);
      Transport used = transport.get();
      json.writeStringField("protocol", used.protocol());
      json.writeNumberField("connections", used.opened());
      json.writeNumberField("requested", codes.size());
      json.writeNumberField("ok", counter.get(Status.OK));
      json.writeNumberField("not_found", counter.get(Status.NOT_FOUND));
      json.writeNumberField("error", counter.get(Status.ERROR));
      json.writeNumberField("not_attempted", notAttempted);
      json.writeNumberField("elapsed_seconds", Math.round(elapsed.toNanos() / 1e6) / 1e3);
      json.writeNumberField("exit_status", status.code);
      json.writeArrayFieldStart("results");
      for (String code : codes.stream().sorted().toList()) {
        Result result = byCode.get(code);
        if (result == null) {
          writeNotAttempted(json, code);
        } else {
          write(json, result);
        }
      }
      json.writeEndArray();
      json.writeEndObject();
      json.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.println();
    out.flush();
  }

  private void write(JsonGenerator json, Result result) throws IOException {
    json.writeStartObject();
    json.writeStringField("code", result.code());
    json.writeStringField("outcome", result.status().name().toLowerCase(Locale.ROOT));
    nullOr(json, "http_status", result.httpStatus() == 0 ? null : (long) result.httpStatus());
    json.writeNumberField("bytes", result.bytes());
    json.writeNumberField("millis", result.millis());
    json.writeStringField("error", result.error().isEmpty() ? null : result.error());
    json.writeNumberField("attempts", result.attempts());
    json.writeNumberField("start_ms", (result.startNanos() - startNanos) / 1_000_000);
    json.writeStringField("file", result.file());
    json.writeEndObject();
  }

  /** A code never tried, or whose try was cut short by Ctrl-C: the same fields, mostly null. */
  private static void writeNotAttempted(JsonGenerator json, String code) throws IOException {
    json.writeStartObject();
    json.writeStringField("code", code);
    json.writeStringField("outcome", "not_attempted");
    json.writeNullField("http_status");
    json.writeNumberField("bytes", 0);
    json.writeNullField("millis");
    json.writeNullField("error");
    json.writeNumberField("attempts", 0);
    json.writeNullField("start_ms");
    json.writeNullField("file");
    json.writeEndObject();
  }

  private static void nullOr(JsonGenerator json, String field, Long value) throws IOException {
    if (value == null) {
      json.writeNullField(field);
    } else {
      json.writeNumberField(field, value);
    }
  }

  @Override
  public StatusCounter counter() {
    return counter;
  }

  @Override
  public void close() {}
}
