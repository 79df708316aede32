package flags2.timeline;

/** The HTML page around the chart: self-contained, no script, no external file. */
final class Html {
  private Html() {}

  static String page(Timeline timeline, String svg) {
    Timeline.Run run = timeline.run();
    String title = Xml.escape("flags2 timeline: " + run.strategy() + ", m = " + run.concurrency());
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>"
        + title
        + "</title>\n<style>body{margin:12px;font-family:sans-serif;background:#fff}"
        + "svg{max-width:100%;height:auto}</style>\n</head>\n<body>\n"
        + svg
        + "<p style=\"font-size:12px;color:#555\">Hover a bar for its code, attempt, status,"
        + " bytes and times. Each request is a bar in the first lane free when it started, so"
        + " there are never more lanes than requests in flight.</p>\n</body>\n</html>\n";
  }
}
