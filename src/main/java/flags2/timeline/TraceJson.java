package flags2.timeline;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes a {@link Timeline} in the Trace Event Format that Perfetto and chrome://tracing open: one
 * complete event ({@code "ph":"X"}) per request, times in microseconds since the run started, its
 * lane as the thread id (from 1), and the request's details as {@code args}. Metadata events name
 * the process after the run and each thread {@code lane N}; {@code otherData} holds the title.
 */
final class TraceJson {
  private TraceJson() {}

  static void write(Timeline timeline, Writer out) throws IOException {
    Timeline.Run run = timeline.run();
    try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      json.writeStartObject();
      json.writeStringField("displayTimeUnit", "ms");
      json.writeObjectFieldStart("otherData");
      json.writeStringField("strategy", run.strategy());
      json.writeNumberField("concurrency", run.concurrency());
      json.writeStringField("server", run.server());
      json.writeNumberField("codes", run.codes());
      json.writeNumberField("ok", run.ok());
      json.writeNumberField("not_found", run.notFound());
      json.writeNumberField("error", run.errors());
      json.writeNumberField("elapsed_seconds", Math.round(run.elapsedNanos() / 1e6) / 1e3);
      json.writeBooleanField("interrupted", run.interrupted());
      json.writeEndObject();
      json.writeArrayFieldStart("traceEvents");
      metadata(json, "process_name", 0, "flags2 " + run.strategy() + " m=" + run.concurrency());
      for (int lane = 1; lane <= timeline.laneCount(); lane++) {
        metadata(json, "thread_name", lane, "lane " + lane);
      }
      for (int i = 0; i < timeline.requests().size(); i++) {
        event(json, timeline, timeline.requests().get(i), timeline.lanes()[i] + 1);
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    out.write('\n');
  }

  private static void event(JsonGenerator json, Timeline timeline, Request request, int lane)
      throws IOException {
    long start = timeline.micros(request.startNanos());
    json.writeStartObject();
    json.writeStringField(
        "name",
        switch (request.fetch()) {
          case IMAGE -> request.code();
          case METADATA -> request.code() + " metadata";
        });
    json.writeStringField("cat", request.fetch().label());
    json.writeStringField("ph", "X");
    json.writeNumberField("ts", start);
    json.writeNumberField("dur", timeline.micros(request.endNanos()) - start);
    json.writeNumberField("pid", 1);
    json.writeNumberField("tid", lane);
    json.writeObjectFieldStart("args");
    json.writeStringField("code", request.code());
    json.writeStringField("fetch", request.fetch().label());
    json.writeNumberField("attempt", request.attempt());
    json.writeStringField("outcome", request.outcome().jsonName());
    if (request.httpStatus() == 0) {
      json.writeNullField("status");
    } else {
      json.writeNumberField("status", request.httpStatus());
    }
    json.writeNumberField("bytes", request.bytes());
    json.writeEndObject();
    json.writeEndObject();
  }

  private static void metadata(JsonGenerator json, String name, int tid, String value)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("name", name);
    json.writeStringField("ph", "M");
    json.writeNumberField("pid", 1);
    json.writeNumberField("tid", tid);
    json.writeObjectFieldStart("args");
    json.writeStringField("name", value);
    json.writeEndObject();
    json.writeEndObject();
  }
}
