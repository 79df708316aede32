package flags2.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The bar's text, tqdm's layout with the times labelled: {@code flags 17%|██▏ | 120/676 [elapsed
 * 0:02 < remaining 0:09, 60.0 flags/s]}.
 */
class ProgressLineTest {

  @Test
  void midRunTheRateIsFlagsDoneOverTimeElapsedAndTheRemainingTimeFollowsFromIt() {
    // 30 connections against a 0.5 s delay: 60 flags/s, the chapter's m / delay
    assertEquals(
        "flags  17%|██▏         | 120/676 [elapsed 0:02 < remaining 0:09, 60.0 flags/s]",
        ProgressLine.format(120, 676, Duration.ofSeconds(2), 78, true));
  }

  @Test
  void beforeTheFirstResultRateAndRemainingTimeAreUnknown() {
    assertEquals(
        "flags   0%|" + " ".repeat(20) + "|  0/78 [elapsed 0:00 < remaining ?, ? flags/s]",
        ProgressLine.format(0, 78, Duration.ZERO, 78, true));
  }

  @Test
  void atTheEndTheBarIsFullAndNothingRemains() {
    assertEquals(
        "flags 100%|" + "█".repeat(14) + "| 78/78 [elapsed 0:01 < remaining 0:00, 45.3 flags/s]",
        ProgressLine.format(78, 78, Duration.ofMillis(1720), 78, true));
  }

  @Test
  void anHourOrMoreShowsHours() {
    assertEquals(
        "flags  25%|"
            + "█".repeat(6)
            + "▊"
            + " ".repeat(20)
            + "| 1000/4000 [elapsed 1:02:05 < remaining 3:06:15, 0.3 flags/s]",
        ProgressLine.format(1000, 4000, Duration.ofSeconds(3725), 100, true));
    assertEquals(
        "flags  25%|"
            + "█".repeat(6)
            + "▊"
            + " ".repeat(20)
            + "| 1000/4000 [elapsed 1:00:00 < remaining 3:00:00, 0.3 flags/s]",
        ProgressLine.format(1000, 4000, Duration.ofSeconds(3600), 100, true));
  }

  @Test
  void untilAResultArrivesAfterSomeTimeRateAndRemainingTimeStayUnknown() {
    assertEquals(
        "flags   0%|" + " ".repeat(20) + "|  0/78 [elapsed 0:03 < remaining ?, ? flags/s]",
        ProgressLine.format(0, 78, Duration.ofSeconds(3), 78, true));
    assertEquals(
        "flags   6%|█▎" + " ".repeat(18) + "|  5/78 [elapsed 0:00 < remaining ?, ? flags/s]",
        ProgressLine.format(5, 78, Duration.ZERO, 78, true));
  }

  @Test
  void eachNarrowingStepHoldsUpToTheLastColumnItNeeds() {
    // five cells are the least bar drawn; a shorter line is used from the width it fits exactly
    assertEquals(
        "flags  50%|██▌  | 39/78 [elapsed 0:01 < remaining 0:01, 39.0 flags/s]",
        ProgressLine.format(39, 78, Duration.ofSeconds(1), 69, true));
    assertEquals(
        "flags  50% 39/78 [0:01<0:01, 39.0/s]",
        ProgressLine.format(39, 78, Duration.ofSeconds(1), 36, true));
    assertEquals("flags  50% 39/78", ProgressLine.format(39, 78, Duration.ofSeconds(1), 16, true));
  }

  @Test
  void withoutUnicodeTheBarIsDrawnInAscii() {
    assertEquals(
        "flags  50%|"
            + "#".repeat(8)
            + " ".repeat(8)
            + "| 39/78 [elapsed 0:01 < remaining 0:01, 39.0 flags/s]",
        ProgressLine.format(39, 78, Duration.ofSeconds(1), 80, false));
  }

  @Test
  void aNarrowerTerminalDropsTheLabelsThenTheBarThenTheTimesAndCutsOnlyWhatIsLeft() {
    assertEquals(
        "flags  50%|███▌   | 39/78 [elapsed 0:01 < remaining 0:01, 39.0 flags/s]",
        ProgressLine.format(39, 78, Duration.ofSeconds(1), 71, true));
    assertEquals(
        "flags  50%|███████████           | 39/78 [0:01<0:01, 39.0/s]",
        ProgressLine.format(39, 78, Duration.ofSeconds(1), 60, true));
    assertEquals(
        "flags  50% 39/78 [0:01<0:01, 39.0/s]",
        ProgressLine.format(39, 78, Duration.ofSeconds(1), 40, true));
    assertEquals("flags  50% 39/78", ProgressLine.format(39, 78, Duration.ofSeconds(1), 20, true));
    assertEquals("flags  50% 3", ProgressLine.format(39, 78, Duration.ofSeconds(1), 12, true));
  }
}
