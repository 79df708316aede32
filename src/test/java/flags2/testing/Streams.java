package flags2.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/** Reading a child process's output without blocking the test. */
public final class Streams {
  private Streams() {}

  /**
   * All of {@code in} as UTF-8, read on a thread of its own: a blocked read must never hold one of
   * the few threads of the common pool (one on a 2-core machine), which the next read would then
   * wait for.
   */
  public static CompletableFuture<String> readAll(InputStream in) {
    CompletableFuture<String> text = new CompletableFuture<>();
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                text.complete(new String(in.readAllBytes(), StandardCharsets.UTF_8));
              } catch (IOException e) {
                text.completeExceptionally(new UncheckedIOException(e));
              }
            });
    return text;
  }
}
