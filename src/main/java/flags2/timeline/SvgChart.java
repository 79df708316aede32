package flags2.timeline;

import java.util.Locale;

/**
 * Draws a {@link Timeline} as one SVG document, written by hand: one bar per request in its lane,
 * coloured by outcome (metadata requests striped, retries outlined), and below it the requests in
 * flight as a step line with m dashed. Sizes adapt to the number of lanes, so bars thin out rather
 * than overflow; a bar carries its code only where the code fits, and every bar has a tooltip.
 * Every text is escaped for XML.
 */
final class SvgChart {
  private static final int WIDTH = 1200;
  private static final int LEFT = 70;
  private static final int RIGHT = 30;
  private static final int PLOT = WIDTH - LEFT - RIGHT;
  private static final int LANES_TOP = 96;
  private static final int FLIGHT_HEIGHT = 140;

  private final Timeline timeline;
  private final StringBuilder svg = new StringBuilder(64 * 1024);
  private final double span;

  private SvgChart(Timeline timeline) {
    this.timeline = timeline;
    this.span = timeline.spanMicros();
  }

  /** The SVG document, without an XML declaration, for a file or an HTML page. */
  static String svg(Timeline timeline) {
    return new SvgChart(timeline).draw();
  }

  private String draw() {
    int lanes = Math.max(1, timeline.laneCount());
    double lanesHeight = Math.min(560, Math.max(24, lanes * 22.0));
    double laneHeight = lanesHeight / lanes;
    double flightTop = LANES_TOP + lanesHeight + 44;
    double height = flightTop + FLIGHT_HEIGHT + 56;
    svg.append(
            String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%.0f\""
                    + " viewBox=\"0 0 %d %.0f\" font-family=\"sans-serif\" font-size=\"12\">\n",
                WIDTH,
                height,
                WIDTH,
                height))
        .append(SvgStyle.DEFS)
        .append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n");
    title();
    SvgStyle.legend(svg, 62, timeline.requests());
    timeAxis(LANES_TOP, lanesHeight, false);
    bars(laneHeight);
    label(LEFT - 8, LANES_TOP + 12, "end", "lanes");
    label(LEFT - 8, LANES_TOP + 26, "end", String.valueOf(timeline.laneCount()));
    inFlight(flightTop);
    timeAxis(flightTop, FLIGHT_HEIGHT, true);
    return svg.append("</svg>\n").toString();
  }

  private void title() {
    Timeline.Run run = timeline.run();
    text(
        LEFT,
        22,
        "title",
        run.strategy() + " \u00b7 m = " + run.concurrency() + " \u00b7 " + run.server());
    StringBuilder line = new StringBuilder();
    line.append(run.codes()).append(run.codes() == 1 ? " code: " : " codes: ");
    line.append(run.ok()).append(" ok, ").append(run.notFound()).append(" not found, ");
    line.append(run.errors()).append(run.errors() == 1 ? " error" : " errors");
    int notAttempted = run.codes() - run.ok() - run.notFound() - run.errors();
    if (notAttempted > 0) {
      line.append(", ").append(notAttempted).append(" not attempted");
    }
    int requests = timeline.requests().size();
    line.append(" \u00b7 ").append(requests).append(requests == 1 ? " request" : " requests");
    line.append(" \u00b7 elapsed ").append(seconds(run.elapsedNanos() / 1e9, 2)).append(" s");
    if (run.interrupted()) {
      line.append(" \u00b7 interrupted");
    }
    text(LEFT, 42, "subtitle", line.toString());
  }

  private void bars(double laneHeight) {
    double barHeight = laneHeight >= 5 ? laneHeight * 0.8 : laneHeight;
    double outline = Math.min(1.5, barHeight / 4);
    for (int i = 0; i < timeline.requests().size(); i++) {
      Request request = timeline.requests().get(i);
      double x0 = x(timeline.micros(request.startNanos()));
      double x1 = x(timeline.micros(request.endNanos()));
      double width = Math.max(0.8, x1 - x0);
      double y = LANES_TOP + timeline.lanes()[i] * laneHeight + (laneHeight - barHeight) / 2;
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect class=\"bar %s %s%s\" x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\""
                  + " fill=\"%s\"%s><title>%s</title></rect>\n",
              request.outcome().jsonName(),
              request.fetch().label(),
              request.attempt() > 1 ? " retry" : "",
              x0,
              y,
              width,
              barHeight,
              SvgStyle.fill(request),
              request.attempt() > 1
                  ? String.format(Locale.ROOT, " stroke=\"#000\" stroke-width=\"%.2f\"", outline)
                  : barHeight >= 4 ? " stroke=\"#fff\" stroke-width=\"0.6\"" : "",
              Xml.escape(tooltip(request))));
      if (width >= 26 && barHeight >= 11) {
        text(
            x0 + width / 2,
            y + barHeight / 2 + Math.min(11, barHeight - 2) * 0.35,
            "code",
            request.code(),
            Math.min(11, barHeight - 2));
      }
    }
  }

  private String tooltip(Request request) {
    String status = request.httpStatus() == 0 ? "no response" : "HTTP " + request.httpStatus();
    return String.format(
        Locale.ROOT,
        "%s %s, attempt %d: %s (%s%s), %s\u2013%s s",
        request.code(),
        request.fetch().label(),
        request.attempt(),
        request.outcome().label(),
        status,
        request.bytes() > 0 ? ", " + request.bytes() + " bytes" : "",
        seconds(timeline.micros(request.startNanos()) / 1e6, 3),
        seconds(timeline.micros(request.endNanos()) / 1e6, 3));
  }

  private void inFlight(double top) {
    int m = timeline.run().concurrency();
    int peak = timeline.peak();
    double yMax = Math.max(m, peak) * 1.15;
    double bottom = top + FLIGHT_HEIGHT;
    StringBuilder path = new StringBuilder();
    path.append(String.format(Locale.ROOT, "M%.2f %.2f", x(0), bottom));
    for (long[] step : timeline.inFlight()) {
      path.append(
          String.format(
              Locale.ROOT, "H%.2f V%.2f", x(step[0]), bottom - step[1] / yMax * FLIGHT_HEIGHT));
    }
    path.append(String.format(Locale.ROOT, "H%.2f", x(span)));
    svg.append(
            "<path class=\"in-flight\" fill=\"none\" stroke=\"#1f4e9c\" stroke-width=\"1.5\" d=\"")
        .append(path)
        .append("\"/>\n");
    double mY = bottom - m / yMax * FLIGHT_HEIGHT;
    svg.append(
        String.format(
            Locale.ROOT,
            "<line class=\"limit\" x1=\"%d\" x2=\"%d\" y1=\"%.2f\" y2=\"%.2f\" stroke=\"#c0392b\""
                + " stroke-dasharray=\"6 4\"/>\n",
            LEFT,
            LEFT + PLOT,
            mY,
            mY));
    text(LEFT + PLOT, mY - 4, "limit-label", "m = " + m);
    label(LEFT - 8, mY + 4, "end", String.valueOf(m));
    label(LEFT - 8, bottom + 4, "end", "0");
    if (peak != m) {
      double peakY = bottom - peak / yMax * FLIGHT_HEIGHT;
      if (Math.abs(peakY - mY) >= 12) {
        label(LEFT - 8, peakY + 4, "end", String.valueOf(peak));
      }
    }
    text(LEFT, top - 8, "panel", "requests in flight (peak " + peak + ")");
  }

  /** The frame of a panel, its vertical grid and, under the lower panel, the tick labels. */
  private void timeAxis(double top, double height, boolean labelled) {
    svg.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"%d\" y=\"%.2f\" width=\"%d\" height=\"%.2f\" fill=\"none\""
                + " stroke=\"#999\"/>\n",
            LEFT,
            top,
            PLOT,
            height));
    double seconds = span / 1e6;
    double step = Ticks.step(seconds, 10);
    int decimals = Ticks.decimals(step);
    for (int i = 0; i * step <= seconds + 1e-9; i++) {
      double x = x(i * step * 1e6);
      svg.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%.2f\" x2=\"%.2f\" y1=\"%.2f\" y2=\"%.2f\" stroke=\"#e3e3e3\"/>\n",
              x,
              x,
              top,
              top + height));
      if (labelled) {
        label(x, top + height + 16, "middle", seconds(i * step, decimals));
      }
    }
    if (labelled) {
      label(LEFT + PLOT / 2.0, top + height + 36, "middle", "seconds since the run started");
    }
  }

  private double x(double micros) {
    return LEFT + micros / span * PLOT;
  }

  private void label(double x, double y, String anchor, String text) {
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%.2f\" y=\"%.2f\" text-anchor=\"%s\" fill=\"#333\">%s</text>\n",
            x,
            y,
            anchor,
            Xml.escape(text)));
  }

  private void text(double x, double y, String cls, String text) {
    text(x, y, cls, text, 0);
  }

  /** A text of class {@code cls}; a {@code size} of 0 leaves the font size to the style sheet. */
  private void text(double x, double y, String cls, String text, double size) {
    String fontSize = size > 0 ? String.format(Locale.ROOT, " font-size=\"%.1f\"", size) : "";
    svg.append(
        String.format(
            Locale.ROOT,
            "<text class=\"%s\" x=\"%.2f\" y=\"%.2f\"%s>%s</text>\n",
            cls,
            x,
            y,
            fontSize,
            Xml.escape(text)));
  }

  static String seconds(double value, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }
}
