package flags2.bench;

import flags2.download.DownloadRun;
import flags2.strategy.StrategyKind;
import flags2.timeline.Timeline;
import flags2.timeline.TimelineFile;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What {@code flags2 bench} shows: a text table for the terminal and a self-contained HTML page
 * with the same table, the {@link BenchChart} and, when a bench recorded them, one timeline per
 * strategy. A bench stopped by a signal shows the cells it finished, under a line that says it is
 * partial.
 */
final class BenchReport {
  /** The columns of the table, in the terminal and in the HTML page. */
  private static final List<String> HEADINGS =
      List.of(
          "strategy",
          "max-req",
          "used",
          "median",
          "min",
          "max",
          "ok",
          "not found",
          "errors",
          "speed-up");

  private final List<Cell> cells;
  private final List<String> about;
  private final Optional<String> partial;
  private final BenchChart chart;
  private final List<Timeline> timelines;
  private final int timelineLevel;

  /**
   * {@code about}: the lines that say what was measured and how, printed above the table; {@code
   * ideal}: the line the chart compares with, when the server's delay is known.
   */
  BenchReport(Measured measured, List<String> about, Optional<BenchChart.Ideal> ideal) {
    this(measured, about, ideal, 0);
  }

  /** As above, with the timelines' {@code --max-req}, for their heading. */
  BenchReport(
      Measured measured, List<String> about, Optional<BenchChart.Ideal> ideal, int timelineLevel) {
    this.cells = measured.cells();
    this.about = about;
    this.partial =
        measured.partial()
            ? Optional.of(
                "partial: interrupted after "
                    + measured.finished()
                    + " of "
                    + measured.planned()
                    + " cells")
            : Optional.empty();
    this.chart = new BenchChart(cells, ideal);
    this.timelines = measured.timelines();
    this.timelineLevel = timelineLevel;
  }

  /** The table: one row per cell, with the speed-up of each median over sequential's. */
  void printTable(PrintStream out) {
    about.forEach(out::println);
    partial.ifPresent(out::println);
    out.println();
    out.printf("%-10s %7s %4s %8s %8s %8s %4s %9s %6s %8s%n", HEADINGS.toArray());
    for (Cell cell : cells) {
      out.printf("%-10s %7d %4d %8s %8s %8s %4d %9d %6d %8s%n", row(cell).toArray());
    }
  }

  /** The HTML page: the about lines, the partial line if any, the chart and the table. */
  String html(String title) throws IOException {
    StringBuilder page = new StringBuilder();
    page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(escape(title))
        .append("</title>\n<style>\n")
        .append("body { font-family: sans-serif; margin: 2em; color: #222; }\n")
        .append("table { border-collapse: collapse; margin-top: 1em; }\n")
        .append(
            "th, td { padding: 0.2em 0.8em; text-align: right; border-bottom: 1px solid #ddd; }\n")
        .append("th:first-child, td:first-child { text-align: left; }\n")
        .append(".partial { font-weight: bold; color: #a00; }\n")
        .append("</style>\n</head>\n<body>\n<h1>")
        .append(escape(title))
        .append("</h1>\n");
    for (String line : about) {
      page.append("<p>").append(escape(line)).append("</p>\n");
    }
    partial.ifPresent(
        line -> page.append("<p class=\"partial\">").append(escape(line)).append("</p>\n"));
    page.append(chart.svg()).append("\n");
    timelines(page);
    page.append("<table>\n<tr>");
    for (String heading : HEADINGS) {
      page.append("<th>").append(heading).append("</th>");
    }
    page.append("</tr>\n");
    for (Cell cell : cells) {
      page.append("<tr>");
      for (Object value : row(cell)) {
        page.append("<td>").append(escape(value.toString())).append("</td>");
      }
      page.append("</tr>\n");
    }
    return page.append("</table>\n</body>\n</html>\n").toString();
  }

  /** One run per strategy at one level, each a timeline, on one time axis. */
  private void timelines(StringBuilder page) {
    if (timelines.isEmpty()) {
      return;
    }
    page.append("<h2>One run per strategy at --max-req ")
        .append(timelineLevel)
        .append(", every request on one time axis</h2>\n");
    for (Timeline timeline : timelines) {
      page.append("<div>").append(TimelineFile.svg(timeline)).append("</div>\n");
    }
  }

  /** A cell's row, in the order of {@link #HEADINGS}; the counts are its last run's. */
  private List<Object> row(Cell cell) {
    DownloadRun.Outcome last = cell.last();
    return List.of(
        cell.strategy().cliName(),
        cell.level(),
        cell.concurrency(),
        seconds(cell.median()),
        seconds(cell.min()),
        seconds(cell.max()),
        last.ok(),
        last.notFound(),
        last.errors(),
        speedUp(cell));
  }

  private String speedUp(Cell cell) {
    Optional<Cell> sequential =
        cells.stream().filter(c -> c.strategy() == StrategyKind.SEQUENTIAL).findFirst();
    return sequential
        .map(
            seq ->
                String.format(
                    Locale.ROOT,
                    "%.1fx",
                    BenchChart.seconds(seq.median()) / BenchChart.seconds(cell.median())))
        .orElse("-");
  }

  private static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.3fs", duration.toNanos() / 1e9);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
