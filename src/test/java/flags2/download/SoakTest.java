package flags2.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flags2.common.Site;
import flags2.serve.Delay;
import flags2.serve.TestServers;
import flags2.strategy.StrategyKind;
import flags2.testing.Flags2Runner;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many full runs in one JVM: counts stay exact and nothing (threads, connections) accumulates.
 * Tagged slow (about 25 s): {@code mvn verify} runs it; {@code -DexcludedGroups=slow} skips it
 * while iterating.
 */
@Tag("slow")
class SoakTest {
  @TempDir Path dest;

  private static List<String> counts(String out) {
    return out.lines()
        .filter(l -> l.matches("\\d+ (flags? downloaded|not found|errors?)\\."))
        .toList();
  }

  @Test
  void thirtyRunsOfEveryCodeAgainstTheErrorServerKeepCountsExactAndThreadsFlat() throws Exception {
    TestServers.Config config =
        new TestServers.Config(
            InetAddress.getLoopbackAddress(),
            Map.of(Site.ERROR, 0),
            new Delay(0.01, 0.01),
            0.25,
            0.5,
            418,
            OptionalLong.of(0),
            null);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    try (TestServers servers = TestServers.start(config, EnumSet.of(Site.ERROR))) {
      String url = servers.url(Site.ERROR).toString();
      StrategyKind[] strategies = {
        StrategyKind.THREADPOOL, StrategyKind.ASYNC, StrategyKind.VIRTUAL
      };
      List<String> expected = null;
      List<Integer> threadCounts = new java.util.ArrayList<>();
      for (int i = 0; i < 30; i++) {
        StrategyKind strategy = strategies[i % strategies.length];
        Flags2Runner.Run run =
            new Flags2Runner()
                .run(
                    "-s",
                    url,
                    "-d",
                    dest.toString(),
                    "-t",
                    strategy.cliName(),
                    "-e",
                    "-m",
                    "1000",
                    "-v");
        assertEquals(1, run.status(), run.err());
        if (expected == null) {
          expected = counts(run.out());
          assertEquals(3, expected.size(), run.out()); // downloaded, not found and errors all occur
        }
        assertEquals(
            expected,
            counts(run.out()),
            "run "
                + (i + 1)
                + " with "
                + strategy
                + ": "
                + run.out()
                    .lines()
                    .filter(l -> l.startsWith("*** Error") && !l.contains("418"))
                    .toList());
        threadCounts.add(threads.getThreadCount());
      }
      // A leak of one thread per run would add 30; idle pools (OkHttp's, the JDK's) vary a bit.
      assertTrue(
          threadCounts.getLast() <= threadCounts.getFirst() + 20,
          "platform threads after each run: " + threadCounts);
    }
  }
}
