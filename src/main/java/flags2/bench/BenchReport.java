package flags2.bench;

import flags2.download.DownloadRun;
import flags2.strategy.StrategyKind;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.VectorGraphicsEncoder.VectorGraphicsFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * What {@code flags2 bench} shows: a text table for the terminal and a self-contained HTML page
 * with the same table and an SVG chart (XChart) of median elapsed time against concurrency, one
 * line per strategy, both axes logarithmic. Sequential is drawn flat: it never has more than one
 * request in flight, whatever the level.
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

  private final List<Bench.Cell> cells;
  private final List<String> about;

  /** {@code about}: the lines that say what was measured and how, printed above the table. */
  BenchReport(List<Bench.Cell> cells, List<String> about) {
    this.cells = cells;
    this.about = about;
  }

  /** The table: one row per cell, with the speed-up of each median over sequential's. */
  void printTable(PrintStream out) {
    about.forEach(out::println);
    out.println();
    out.printf("%-10s %7s %4s %8s %8s %8s %4s %9s %6s %8s%n", HEADINGS.toArray());
    for (Bench.Cell cell : cells) {
      out.printf("%-10s %7d %4d %8s %8s %8s %4d %9d %6d %8s%n", row(cell).toArray());
    }
  }

  /** The HTML page: the about lines, the chart and the table. */
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
        .append("</style>\n</head>\n<body>\n<h1>")
        .append(escape(title))
        .append("</h1>\n");
    for (String line : about) {
      page.append("<p>").append(escape(line)).append("</p>\n");
    }
    page.append(svg()).append("\n<table>\n<tr>");
    for (String heading : HEADINGS) {
      page.append("<th>").append(heading).append("</th>");
    }
    page.append("</tr>\n");
    for (Bench.Cell cell : cells) {
      page.append("<tr>");
      for (Object value : row(cell)) {
        page.append("<td>").append(escape(value.toString())).append("</td>");
      }
      page.append("</tr>\n");
    }
    return page.append("</table>\n</body>\n</html>\n").toString();
  }

  /** The chart as an inline {@code <svg>} element; XChart draws its text as outlines. */
  String svg() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    VectorGraphicsEncoder.saveVectorGraphic(chart(), bytes, VectorGraphicsFormat.SVG);
    String svg = bytes.toString(StandardCharsets.UTF_8);
    return svg.substring(svg.indexOf("<svg")); // inline: without the XML declaration and doctype
  }

  /** Median elapsed seconds against level, log-log, one series per strategy. */
  XYChart chart() {
    XYChart chart =
        new XYChartBuilder()
            .width(860)
            .height(500)
            .title("Median elapsed time against concurrency")
            .xAxisTitle("concurrency (max-req)")
            .yAxisTitle("elapsed (s)")
            .build();
    XYStyler styler = chart.getStyler();
    styler.setXAxisLogarithmic(true);
    styler.setYAxisLogarithmic(true);
    styler.setXAxisDecimalPattern("0");
    styler.setYAxisDecimalPattern("0.###");
    styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    styler.setPlotGridLinesColor(new Color(0xdddddd));
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setLegendPosition(Styler.LegendPosition.OutsideE);
    List<Integer> levels = cells.stream().map(Bench.Cell::level).distinct().sorted().toList();
    double[] xs = levels.stream().mapToDouble(Integer::doubleValue).toArray();
    for (StrategyKind strategy : cells.stream().map(Bench.Cell::strategy).distinct().toList()) {
      List<Bench.Cell> line = cells.stream().filter(cell -> cell.strategy() == strategy).toList();
      double[] ys =
          switch (strategy) {
            case SEQUENTIAL ->
                levels.stream().mapToDouble(level -> secondsOf(line.getFirst().median())).toArray();
            case THREADPOOL, ASYNC, VIRTUAL ->
                line.stream().mapToDouble(cell -> secondsOf(cell.median())).toArray();
          };
      String label =
          strategy == StrategyKind.SEQUENTIAL ? "sequential (always 1)" : strategy.cliName();
      XYSeries series = chart.addSeries(label, xs, ys);
      series.setMarker(SeriesMarkers.CIRCLE);
      series.setLineStyle(new BasicStroke(2.5f));
    }
    // whole decades, so that a log axis always shows at least two labelled ticks
    double lowest = cells.stream().mapToDouble(cell -> secondsOf(cell.median())).min().orElse(1);
    double highest = cells.stream().mapToDouble(cell -> secondsOf(cell.median())).max().orElse(1);
    styler.setYAxisMin(Math.pow(10, Math.floor(Math.log10(lowest))));
    styler.setYAxisMax(
        Math.pow(10, Math.max(Math.ceil(Math.log10(highest)), Math.floor(Math.log10(lowest)) + 1)));
    return chart;
  }

  /** A cell's row, in the order of {@link #HEADINGS}; the counts are its last run's. */
  private List<Object> row(Bench.Cell cell) {
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

  private String speedUp(Bench.Cell cell) {
    Optional<Bench.Cell> sequential =
        cells.stream().filter(c -> c.strategy() == StrategyKind.SEQUENTIAL).findFirst();
    return sequential
        .map(
            seq ->
                String.format(
                    Locale.ROOT, "%.1fx", secondsOf(seq.median()) / secondsOf(cell.median())))
        .orElse("-");
  }

  private static double secondsOf(Duration duration) {
    return Math.max(duration.toNanos(), 1) / 1e9;
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
