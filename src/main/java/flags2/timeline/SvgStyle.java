package flags2.timeline;

import java.util.List;
import java.util.Locale;

/**
 * The chart's colours, stripes and legend: a colour per outcome; a metadata request striped with
 * white over its outcome's colour (so even a bar one pixel high reads paler); a retry outlined in
 * black. The legend lists cancelled requests only when there are some.
 */
final class SvgStyle {
  private SvgStyle() {}

  static final String DEFS =
      "<defs>\n<style>"
          + ".title{font-size:16px;font-weight:bold;fill:#222}"
          + ".subtitle{font-size:13px;fill:#444}"
          + ".code{text-anchor:middle;fill:#fff;pointer-events:none}"
          + ".panel{font-size:12px;fill:#333}"
          + ".limit-label{text-anchor:end;fill:#c0392b}"
          + ".legend{fill:#333}"
          + "</style>\n"
          + pattern(Outcome.OK)
          + pattern(Outcome.NOT_FOUND)
          + pattern(Outcome.ERROR)
          + pattern(Outcome.CANCELLED)
          + "</defs>\n";

  static String colour(Outcome outcome) {
    return switch (outcome) {
      case OK -> "#2e9e5b";
      case NOT_FOUND -> "#e09a1f";
      case ERROR -> "#d63b3b";
      case CANCELLED -> "#9a9a9a";
    };
  }

  /** The {@code fill} of a request's bar. */
  static String fill(Request request) {
    return switch (request.fetch()) {
      case IMAGE -> colour(request.outcome());
      case METADATA -> "url(#meta-" + request.outcome().jsonName() + ")";
    };
  }

  private static String pattern(Outcome outcome) {
    return String.format(
        Locale.ROOT,
        "<pattern id=\"meta-%s\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\""
            + " patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"%s\"/>"
            + "<rect width=\"3\" height=\"6\" fill=\"#fff\" fill-opacity=\"0.65\"/></pattern>\n",
        outcome.jsonName(),
        colour(outcome));
  }

  /** One row of swatches at {@code y}, from the chart's left edge. */
  static void legend(StringBuilder svg, double y, List<Request> requests) {
    double x = 70;
    for (Outcome outcome : Outcome.values()) {
      if (outcome == Outcome.CANCELLED
          && requests.stream().noneMatch(r -> r.outcome() == Outcome.CANCELLED)) {
        continue;
      }
      x = swatch(svg, x, y, colour(outcome), "", outcome.label());
    }
    x = swatch(svg, x + 12, y, "url(#meta-ok)", "", "metadata request (striped)");
    swatch(
        svg,
        x,
        y,
        colour(Outcome.OK),
        " stroke=\"#000\" stroke-width=\"1.5\"",
        "retry (outlined, attempt 2 or later)");
  }

  private static double swatch(
      StringBuilder svg, double x, double y, String fill, String stroke, String label) {
    svg.append(
        String.format(
            Locale.ROOT,
            "<rect class=\"swatch\" x=\"%.1f\" y=\"%.1f\" width=\"22\" height=\"12\" fill=\"%s\"%s/>"
                + "<text class=\"legend\" x=\"%.1f\" y=\"%.1f\">%s</text>\n",
            x,
            y,
            fill,
            stroke,
            x + 28,
            y + 10,
            Xml.escape(label)));
    return x + 28 + label.length() * 6.8 + 18;
  }
}
