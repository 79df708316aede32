package flags2.bench;

import static flags2.bench.BenchTest.cell;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import flags2.common.Site;
import flags2.serve.Delay;
import flags2.strategy.StrategyKind;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

/**
 * Where the bench chart puts things: strategies side by side around each level, whisker caps, and
 * axes that hold every point, the ideal included. BenchTest has what the chart shows.
 */
class BenchChartTest {
  /** Strategies 0.02 decades apart, centred on the level; whisker caps 0.008 decades each side. */
  private static final double DODGE = Math.pow(10, 0.02);

  private static final double CAP = Math.pow(10, 0.008);

  private static final List<Cell> TWO_STRATEGIES =
      List.of(
          cell(StrategyKind.THREADPOOL, 1, 1, 2.0, 1.0, 3.0),
          cell(StrategyKind.THREADPOOL, 10, 10, 0.3, 0.2, 0.4),
          cell(StrategyKind.VIRTUAL, 1, 1, 2.1),
          cell(StrategyKind.VIRTUAL, 10, 10, 0.25));

  @Test
  void twoStrategiesSitEitherSideOfEachLevel() {
    XYChart chart = new BenchChart(TWO_STRATEGIES, Optional.empty()).chart();
    double left = 1 / Math.sqrt(DODGE);
    double right = Math.sqrt(DODGE);
    assertArrayEquals(
        new double[] {left, 10 * left}, chart.getSeries("threadpool").getXData(), 1e-12);
    assertArrayEquals(
        new double[] {right, 10 * right}, chart.getSeries("virtual").getXData(), 1e-12);
  }

  @Test
  void eachWhiskerIsAVerticalStrokeFromMinToMaxWithACapAtEachEnd() {
    XYChart chart = new BenchChart(TWO_STRATEGIES, Optional.empty()).chart();
    double x = 10 / Math.sqrt(DODGE);
    double[] xs = chart.getSeries("threadpool min–max").getXData();
    double[] ys = chart.getSeries("threadpool min–max").getYData();
    // the second cell's three strokes, each two points and a break: cap at min, stem, cap at max
    int from = 9;
    assertArrayEquals(
        new double[] {x / CAP, x * CAP, x, x, x, x, x / CAP, x * CAP, x},
        Arrays.copyOfRange(xs, from, from + 9),
        1e-12);
    assertArrayEquals(
        new double[] {0.2, 0.2, Double.NaN, 0.2, 0.4, Double.NaN, 0.4, 0.4, Double.NaN},
        Arrays.copyOfRange(ys, from, from + 9),
        1e-12);
  }

  @Test
  void theXAxisReachesAThirdPastTheFirstAndLastLevels() {
    XYChart chart = new BenchChart(TWO_STRATEGIES, Optional.empty()).chart();
    assertEquals(1 / 1.3, chart.getStyler().getXAxisMin(), 1e-12);
    assertEquals(10 * 1.3, chart.getStyler().getXAxisMax(), 1e-12);
  }

  @Test
  void anIdealFasterThanEveryRunStillFitsOnTheYAxis() {
    // 2 codes at m = 10 against a 5 ms delay: ideally 0.005 s, while the runs took 0.2 s and more
    XYChart chart =
        new BenchChart(TWO_STRATEGIES, Optional.of(new BenchChart.Ideal(2, Duration.ofMillis(5))))
            .chart();
    assertEquals(0.001, chart.getStyler().getYAxisMin(), 1e-12);
    assertEquals(10, chart.getStyler().getYAxisMax(), 1e-12);
  }

  @Test
  void runsAllOfOneLengthStillGetADecadeOfYAxis() {
    XYChart chart =
        new BenchChart(List.of(cell(StrategyKind.ASYNC, 5, 5, 0.1, 0.1)), Optional.empty()).chart();
    assertEquals(0.1, chart.getStyler().getYAxisMin(), 1e-12);
    assertEquals(1, chart.getStyler().getYAxisMax(), 1e-12);
  }

  private static Bench.Config against(Site site) {
    return new Bench.Config(
        List.of("AA", "AB", "AC"),
        new Site.Target(site, HttpUrl.get("http://127.0.0.1:1/flags")),
        List.of(StrategyKind.VIRTUAL),
        List.of(1),
        1,
        Duration.ofSeconds(10),
        0);
  }

  @Test
  void theIdealIsDrawnOnlyAgainstTheBenchsDelayServerWithOneFixedDelay() {
    assertEquals(
        Optional.of(new BenchChart.Ideal(3, Duration.ofMillis(500))),
        BenchJob.ideal(against(Site.DELAY), new Delay(0.5, 0.5)));
    assertEquals(Optional.empty(), BenchJob.ideal(against(Site.DELAY), new Delay(0.5, 1)));
    assertEquals(Optional.empty(), BenchJob.ideal(against(Site.DELAY), new Delay(0, 0)));
    assertEquals(Optional.empty(), BenchJob.ideal(against(Site.LOCAL), new Delay(0.5, 0.5)));
  }
}
