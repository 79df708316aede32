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
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * {@code --json}: exactly one JSON object on stdout when the run ends, and nothing else there.
 * Field names are documented in the README and kept stable. With {@code -v}, the per-code lines go
 * to stderr instead.
 */
public final class JsonReport implements Report {
  private final PrintStream out;
  private final PrintStream verbose;
  private final StrategyKind strategy;
  private final StatusCounter counter = new StatusCounter();
  private final List<Result> results = new ArrayList<>();
  private Site.Target target;
  private int requested;
  private int concurrency;

  /** {@code verbose} is where per-code lines go, or null for none. */
  public JsonReport(PrintStream out, PrintStream verbose, StrategyKind strategy) {
    this.out = out;
    this.verbose = verbose;
    this.strategy = strategy;
  }

  @Override
  public void initial(Site.Target target, List<String> codes, int concurrency) {
    this.target = target;
    this.requested = codes.size();
    this.concurrency = concurrency;
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
    results.sort(Comparator.comparing(Result::code));
    try {
      JsonGenerator json = new JsonFactory().createGenerator(out);
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      json.writeStartObject();
      json.writeStringField("site", target.site().name());
      json.writeStringField("url", target.display());
      json.writeStringField("strategy", strategy.cliName());
      json.writeNumberField("concurrency", concurrency);
      json.writeNumberField("requested", requested);
      json.writeNumberField("ok", counter.get(Status.OK));
      json.writeNumberField("not_found", counter.get(Status.NOT_FOUND));
      json.writeNumberField("error", counter.get(Status.ERROR));
      json.writeNumberField("not_attempted", notAttempted);
      json.writeNumberField("elapsed_seconds", Math.round(elapsed.toNanos() / 1e6) / 1e3);
      json.writeNumberField("exit_status", status.code);
      json.writeArrayFieldStart("results");
      for (Result result : results) {
        json.writeStartObject();
        json.writeStringField("code", result.code());
        json.writeStringField("outcome", result.status().name().toLowerCase(Locale.ROOT));
        if (result.httpStatus() == 0) {
          json.writeNullField("http_status");
        } else {
          json.writeNumberField("http_status", result.httpStatus());
        }
        json.writeNumberField("bytes", result.bytes());
        json.writeNumberField("millis", result.millis());
        if (result.error().isEmpty()) {
          json.writeNullField("error");
        } else {
          json.writeStringField("error", result.error());
        }
        json.writeEndObject();
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

  @Override
  public StatusCounter counter() {
    return counter;
  }

  @Override
  public void close() {}
}
