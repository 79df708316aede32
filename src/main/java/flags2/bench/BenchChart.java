package flags2.bench;

import flags2.strategy.StrategyKind;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.DoubleStream;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.VectorGraphicsEncoder.VectorGraphicsFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The chart of a bench report (XChart, written as SVG): median elapsed time against concurrency
 * level, both axes logarithmic, one line per strategy in a colour that is the same in every report,
 * a min–max whisker at each point, x-axis ticks at the measured levels only, and the ideal {@code
 * ⌈N/m⌉ × delay} when the server's delay is known. Sequential is drawn flat: it never has more than
 * one request in flight, whatever the level.
 */
final class BenchChart {
  /** Each strategy's colour (Okabe and Ito's palette, told apart with most colour blindness). */
  private static final Map<StrategyKind, Color> COLOURS = colours();

  private static final Color IDEAL_COLOUR = new Color(0x555555);

  /** Half a whisker cap's width, as a factor on the logarithmic x axis. */
  private static final double CAP = Math.pow(10, 0.008);

  /**
   * How far apart the strategies' points at one level are drawn, as a factor on the logarithmic x
   * axis, so that their whiskers do not hide each other; the ticks stay at the levels.
   */
  private static final double DODGE = Math.pow(10, 0.02);

  /**
   * What no strategy can beat against a server that delays every response by {@code delay}: {@code
   * codes} requests, {@code m} at a time, take {@code ⌈codes/m⌉} delays.
   */
  record Ideal(int codes, Duration delay) {
    double seconds(int concurrency) {
      return Math.ceilDiv(codes, concurrency) * (delay.toNanos() / 1e9);
    }

    String label() {
      String seconds = BigDecimal.valueOf(delay.toNanos(), 9).stripTrailingZeros().toPlainString();
      return "ideal ⌈" + codes + "/m⌉ × " + seconds + "s";
    }
  }

  private final List<Cell> cells;
  private final Optional<Ideal> ideal;

  /** {@code ideal}: the server's fixed delay, when the bench knows it. */
  BenchChart(List<Cell> cells, Optional<Ideal> ideal) {
    this.cells = cells;
    this.ideal = ideal;
  }

  /** A strategy's colour, the same in every chart. */
  static Color colour(StrategyKind strategy) {
    return COLOURS.get(strategy);
  }

  private static Map<StrategyKind, Color> colours() {
    Map<StrategyKind, Color> colours = new EnumMap<>(StrategyKind.class);
    for (StrategyKind strategy : StrategyKind.values()) {
      colours.put(
          strategy,
          switch (strategy) {
            case SEQUENTIAL -> new Color(0xD55E00); // vermilion
            case THREADPOOL -> new Color(0x0072B2); // blue
            case ASYNC -> new Color(0x009E73); // bluish green
            case VIRTUAL -> new Color(0xCC79A7); // reddish purple
          });
    }
    return Collections.unmodifiableMap(colours);
  }

  /** The chart as an inline {@code <svg>} element; XChart draws its text as outlines. */
  String svg() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    VectorGraphicsEncoder.saveVectorGraphic(chart(), bytes, VectorGraphicsFormat.SVG);
    String svg = bytes.toString(StandardCharsets.UTF_8);
    return svg.substring(svg.indexOf("<svg")); // inline: without the XML declaration and doctype
  }

  XYChart chart() {
    XYChart chart =
        new XYChartBuilder()
            .width(860)
            .height(500)
            .title("Median elapsed time against concurrency, min to max as whiskers")
            .xAxisTitle("concurrency (max-req)")
            .yAxisTitle("elapsed (s)")
            .build();
    List<Integer> levels = cells.stream().map(Cell::level).distinct().sorted().toList();
    style(chart.getStyler(), levels);
    chart.addAnnotation(new LevelTicks(levels));
    ideal.ifPresent(ideal -> addIdeal(chart, ideal, levels));
    List<StrategyKind> strategies = cells.stream().map(Cell::strategy).distinct().toList();
    for (int i = 0; i < strategies.size(); i++) {
      double dodge = Math.pow(DODGE, i - (strategies.size() - 1) / 2.0);
      addStrategy(chart, strategies.get(i), levels, dodge);
    }
    fitYAxis(chart.getStyler(), levels);
    return chart;
  }

  private static void style(XYStyler styler, List<Integer> levels) {
    styler.setXAxisLogarithmic(true);
    styler.setYAxisLogarithmic(true);
    styler.setYAxisDecimalPattern("0.###");
    styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    styler.setPlotGridLinesColor(new Color(0xdddddd));
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setLegendPosition(Styler.LegendPosition.OutsideE);
    // XChart's log axis would tick 1, 2, ... 10, 20, ...: its own x ticks are blanked (their room
    // kept) and LevelTicks draws one at each level; no vertical grid, the whiskers stand there
    styler.setXAxisTickLabelsFormattingFunction(x -> "");
    styler.setAxisTicksMarksVisible(false);
    styler.setAxisTicksLineVisible(false);
    styler.setPlotGridVerticalLinesVisible(false);
    styler.setXAxisMin(levels.getFirst() / 1.3);
    styler.setXAxisMax(levels.getLast() * 1.3);
  }

  /** The ideal at each level, for the concurrency the strategies used there; dashed, beneath. */
  private void addIdeal(XYChart chart, Ideal ideal, List<Integer> levels) {
    double[] ys = levels.stream().mapToDouble(level -> ideal.seconds(usedAt(level))).toArray();
    XYSeries series = chart.addSeries(ideal.label(), xs(levels), ys);
    series.setMarker(SeriesMarkers.NONE);
    series.setLineColor(IDEAL_COLOUR);
    series.setLineStyle(
        new BasicStroke(
            1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
  }

  /** The most requests in flight at {@code level}: what {@code m} is there. */
  private int usedAt(int level) {
    return cells.stream()
        .filter(cell -> cell.level() == level)
        .mapToInt(Cell::concurrency)
        .max()
        .orElse(1);
  }

  /**
   * The strategy's median line and, in its colour, the whiskers of the cells measured; {@code
   * dodge} moves them off the levels' x, the strategies side by side.
   */
  private void addStrategy(
      XYChart chart, StrategyKind strategy, List<Integer> levels, double dodge) {
    List<Cell> line = cells.stream().filter(cell -> cell.strategy() == strategy).toList();
    boolean flat =
        switch (strategy) {
          case SEQUENTIAL -> true;
          case THREADPOOL, ASYNC, VIRTUAL -> false;
        };
    List<Integer> at = flat ? levels : line.stream().map(Cell::level).toList();
    double[] ys =
        flat
            ? at.stream().mapToDouble(level -> seconds(line.getFirst().median())).toArray()
            : line.stream().mapToDouble(cell -> seconds(cell.median())).toArray();
    String label = flat ? strategy.cliName() + " (always 1)" : strategy.cliName();
    double[] xs = at.stream().mapToDouble(level -> level * dodge).toArray();
    Color colour = colour(strategy);
    XYSeries series = chart.addSeries(label, xs, ys);
    series.setMarker(SeriesMarkers.CIRCLE);
    series.setMarkerColor(colour);
    series.setLineColor(colour);
    series.setLineStyle(new BasicStroke(2.5f));
    double[][] bars = whiskers(line, dodge);
    XYSeries whiskers = chart.addSeries(strategy.cliName() + " min–max", bars[0], bars[1]);
    whiskers.setMarker(SeriesMarkers.NONE);
    whiskers.setLineColor(colour);
    whiskers.setLineStyle(new BasicStroke(1.5f));
    whiskers.setShowInLegend(false);
  }

  /**
   * A vertical line from min to max at each cell's level with a short cap at each end, as one
   * series: {x, y} points, NaN where a stroke ends.
   */
  private static double[][] whiskers(List<Cell> line, double dodge) {
    List<double[]> points = new ArrayList<>();
    for (Cell cell : line) {
      double x = cell.level() * dodge;
      double min = seconds(cell.min());
      double max = seconds(cell.max());
      for (double[] stroke :
          new double[][] {
            {x / CAP, min, x * CAP, min}, {x, min, x, max}, {x / CAP, max, x * CAP, max}
          }) {
        points.add(new double[] {stroke[0], stroke[1]});
        points.add(new double[] {stroke[2], stroke[3]});
        points.add(new double[] {x, Double.NaN});
      }
    }
    return new double[][] {
      points.stream().mapToDouble(p -> p[0]).toArray(),
      points.stream().mapToDouble(p -> p[1]).toArray()
    };
  }

  /** Whole decades that hold every whisker and the ideal: always two labelled ticks at least. */
  private void fitYAxis(XYStyler styler, List<Integer> levels) {
    double[] values =
        DoubleStream.concat(
                cells.stream()
                    .flatMapToDouble(
                        cell -> DoubleStream.of(seconds(cell.min()), seconds(cell.max()))),
                ideal.stream()
                    .flatMapToDouble(
                        ideal -> levels.stream().mapToDouble(l -> ideal.seconds(usedAt(l)))))
            .toArray();
    double lowest = DoubleStream.of(values).min().orElse(1);
    double highest = DoubleStream.of(values).max().orElse(1);
    double floor = Math.floor(Math.log10(lowest));
    styler.setYAxisMin(Math.pow(10, floor));
    styler.setYAxisMax(Math.pow(10, Math.max(Math.ceil(Math.log10(highest)), floor + 1)));
  }

  private static double[] xs(List<Integer> levels) {
    return levels.stream().mapToDouble(Integer::doubleValue).toArray();
  }

  static double seconds(Duration duration) {
    return Math.max(duration.toNanos(), 1) / 1e9;
  }
}
