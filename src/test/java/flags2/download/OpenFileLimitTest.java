package flags2.download;

import static org.junit.jupiter.api.Assertions.assertEquals;

import flags2.download.OpenFileLimit.FileDescriptors;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A run under a small open-file limit ({@code ulimit -n}) lowers its concurrency to what the limit
 * allows and says so, instead of failing codes with "Too many open files"; a limit that allows the
 * concurrency changes nothing and says nothing.
 */
class OpenFileLimitTest {
  private final ByteArrayOutputStream written = new ByteArrayOutputStream();
  private final PrintStream notes = new PrintStream(written, true, StandardCharsets.UTF_8);

  private String notes() {
    return written.toString(StandardCharsets.UTF_8);
  }

  private int apply(int concurrency, boolean embedded, long max, long open) {
    return OpenFileLimit.apply(
        concurrency, embedded, notes, () -> Optional.of(new FileDescriptors(max, open)));
  }

  @Test
  void aLimitTooLowForTheConcurrencyLowersItWithANote() {
    // 1024 - 100 open - 64 kept spare = 860 files, two per connection
    assertEquals(430, apply(1000, false, 1024, 100));
    assertEquals(
        "note: the open-file limit (ulimit -n 1024) allows 430 concurrent connections; using 430\n",
        notes());
  }

  @Test
  void anEmbeddedServerCostsEachConnectionAThirdFile() {
    assertEquals(286, apply(1000, true, 1024, 100));
  }

  @Test
  void aLimitThatAllowsExactlyTheConcurrencyChangesNothingAndSaysNothing() {
    assertEquals(430, apply(430, false, 1024, 100));
    assertEquals("", notes());
  }

  @Test
  void anUnlimitedLimitNeverLowersTheConcurrency() {
    assertEquals(1000, apply(1000, true, Long.MAX_VALUE, 100));
    assertEquals("", notes());
  }

  @Test
  void aLimitAlreadyUsedUpStillAllowsOneConnection() {
    assertEquals(1, apply(1000, false, 100, 90));
  }

  @Test
  void aLimitNobodyCanTellLeavesTheConcurrencyAsItIs() {
    assertEquals(1000, OpenFileLimit.apply(1000, false, notes, Optional::<FileDescriptors>empty));
  }

  @Test
  void aRunOf32OrFewerConnectionsNeverReadsTheLimitAndOf33Does() {
    assertEquals(
        32,
        OpenFileLimit.apply(
            32,
            false,
            notes,
            () -> {
              throw new AssertionError("read the limit for 32 connections");
            }));
    assertEquals(1, apply(33, false, 100, 90));
  }
}
