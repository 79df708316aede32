package flags2;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The per-request logic every strategy shares: builds the call for a code, turns a response or a
 * failure into an {@link Attempt}, saves a 200 body through a temporary file renamed into place,
 * and decides with its {@link RetryPolicy} whether to try again. No method throws for a failed
 * download: failures come back as {@link Status#ERROR} results.
 */
public final class Downloader {
  /** The largest image accepted unless {@code --max-size} says otherwise: 5 MiB. */
  static final long DEFAULT_MAX_SIZE = 5L * 1024 * 1024;

  private final OkHttpClient client;
  private final HttpUrl base;
  private final Path dest;
  private final long maxSize;
  private final Duration timeout;
  private final RetryPolicy retryPolicy;

  /**
   * Set by {@link #cancelAll}: OkHttp also cancels a call on its call timeout, which is retryable.
   */
  private volatile boolean cancelled;

  /** Temporary files being written; what a cancelled run's workers leave, it removes itself. */
  private final Set<Path> partialFiles = ConcurrentHashMap.newKeySet();

  /**
   * One try at a code.
   *
   * @param retryable whether another try could end differently (connection failure, timeout, 429,
   *     5xx)
   * @param retryAfter the server's Retry-After, or null
   */
  public record Attempt(Result result, boolean retryable, Duration retryAfter) {
    static Attempt done(Result result) {
      return new Attempt(result, false, null);
    }
  }

  Downloader(
      OkHttpClient client,
      HttpUrl base,
      Path dest,
      long maxSize,
      Duration timeout,
      RetryPolicy retryPolicy) {
    // Interceptors run after OkHttp registers a call with its Dispatcher, so a call either is
    // registered in time for cancelAll() or sees the flag here: none slips through the gap.
    this.client =
        client
            .newBuilder()
            .addInterceptor(
                chain -> {
                  if (cancelled) {
                    throw new IOException("Canceled");
                  }
                  return chain.proceed(chain.request());
                })
            .build();
    this.base = base;
    this.dest = dest;
    this.maxSize = maxSize;
    this.timeout = timeout;
    this.retryPolicy = retryPolicy;
  }

  /** A new, unstarted call for {@code {base}/{cc}/{cc}.gif}. */
  public Call newCall(String code) {
    String cc = code.toLowerCase(Locale.ROOT);
    HttpUrl url = base.newBuilder().addPathSegment(cc).addPathSegment(cc + ".gif").build();
    return client.newCall(
        new Request.Builder()
            .url(url)
            .tag(HttpClients.Redirects.class, new HttpClients.Redirects())
            .build());
  }

  /** Downloads {@code code} with blocking calls, retrying as the policy says; never throws. */
  public Result fetch(String code) {
    long start = System.nanoTime();
    for (int attempt = 0; ; attempt++) {
      Attempt outcome = attemptOnce(code, start);
      Optional<Duration> wait = retryDelay(attempt, outcome);
      if (wait.isEmpty()) {
        return outcome.result();
      }
      try {
        Thread.sleep(wait.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return outcome.result();
      }
    }
  }

  /** The wait before another try after attempt {@code attempt}, or empty when it is final. */
  Optional<Duration> retryDelay(int attempt, Attempt outcome) {
    return cancelled ? Optional.empty() : retryPolicy.next(attempt, outcome);
  }

  private Attempt attemptOnce(String code, long start) {
    Call call = newCall(code);
    try (Response response = call.execute()) {
      return outcome(code, response, start);
    } catch (IOException e) {
      return failure(code, e, start);
    } catch (RuntimeException e) {
      return Attempt.done(unexpected(code, e, start));
    }
  }

  /** Whether {@link #cancelAll} was called: failures from then on are its doing. */
  boolean cancelled() {
    return cancelled;
  }

  /** Cancels every call of this downloader's client that is queued or running. */
  public void cancelAll() {
    cancelled = true;
    client.dispatcher().cancelAll();
  }

  /**
   * Classifies a response and, for a 200, reads and saves the whole body before returning, so the
   * caller may close the response at once.
   */
  public Attempt outcome(String code, Response response, long startNanos) {
    int status = response.code();
    if (status == 404) {
      return Attempt.done(Result.notFound(code, millisSince(startNanos)));
    }
    if (status != 200) {
      String message =
          "HTTP error " + status + " - " + ReasonPhrases.of(status, response.message());
      boolean retryable = status == 429 || status >= 500;
      Result result = Result.error(code, status, millisSince(startNanos), message);
      return new Attempt(
          result, retryable, retryable ? retryAfter(response.header("Retry-After")) : null);
    }
    try {
      long bytes = save(code, response.body());
      return Attempt.done(Result.ok(code, status, bytes, millisSince(startNanos)));
    } catch (BadBodyException | SaveException e) {
      return Attempt.done(Result.error(code, status, millisSince(startNanos), e.getMessage()));
    } catch (IOException e) { // the connection failed while the body was read
      return new Attempt(
          Result.error(code, status, millisSince(startNanos), describe(e)), !cancelled, null);
    }
  }

  /** The attempt for a call that produced no usable response. */
  public Attempt failure(String code, IOException e, long startNanos) {
    Result result = Result.error(code, 0, millisSince(startNanos), describe(e));
    return new Attempt(result, !cancelled, null);
  }

  /**
   * The result for a bug or library failure that escaped as an unchecked exception: still an ERROR
   * for that code, so no count is ever lost.
   */
  public Result unexpected(String code, RuntimeException e, long startNanos) {
    return Result.error(code, 0, millisSince(startNanos), "Unexpected " + e);
  }

  private long save(String code, ResponseBody body) throws IOException {
    MediaType type = body.contentType();
    if (type != null
        && !type.type().equals("image")
        && !type.toString().startsWith("application/octet-stream")) {
      throw new BadBodyException("Not an image: " + type);
    }
    if (body.contentLength() > maxSize) {
      throw tooLarge();
    }
    String name = code.toLowerCase(Locale.ROOT) + ".gif";
    // One open (not Files.createTempFile's create, close and reopen): on a sandboxed file system
    // each call costs, and saving was half of a fast run's work.
    Path tmp = partialPath(dest, name);
    OutputStream out;
    try {
      out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new SaveException(e);
    }
    partialFiles.add(tmp);
    boolean moved = false;
    try {
      long total;
      try (out) {
        if (cancelled) {
          throw new IOException("Canceled");
        }
        total = copy(body.byteStream(), out);
      }
      if (total == 0) {
        throw new BadBodyException("Empty response body");
      }
      try {
        move(tmp, dest.resolve(name));
      } catch (IOException e) {
        throw new SaveException(e);
      }
      moved = true;
      return total;
    } finally {
      if (!moved) {
        Files.deleteIfExists(tmp);
      }
      partialFiles.remove(tmp);
    }
  }

  /**
   * A hidden name in {@code dir} for a file being written, {@code .NAME.RANDOM.part}; the random
   * part keeps runs apart. (Not Files.createTempFile: its SecureRandom takes longer to seed than a
   * short run's whole start-up.)
   */
  static Path partialPath(Path dir, String name) {
    return dir.resolve(
        "."
            + name
            + "."
            + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
            + ".part");
  }

  /**
   * Deletes the temporary files of downloads still in progress. A stopping run calls this after
   * cancelling and waiting for its workers, so no partial file outlives it even when a worker is
   * too starved of CPU to clean up before the process exits.
   */
  void removePartialFiles() {
    for (Path tmp : partialFiles) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException e) {
        // nothing more to do; the run is ending
      }
    }
  }

  private BadBodyException tooLarge() {
    return new BadBodyException("Image larger than --max-size (" + maxSize + " bytes)");
  }

  /**
   * Streams the body to {@code out} and closes the body; never holds more than a buffer in memory.
   */
  private long copy(InputStream in, OutputStream out) throws IOException {
    long total = 0;
    try (in) {
      byte[] buffer = new byte[16 * 1024];
      for (int n; (n = in.read(buffer)) != -1; ) {
        total += n;
        if (total > maxSize) {
          throw tooLarge();
        }
        try {
          out.write(buffer, 0, n);
        } catch (IOException e) {
          throw new SaveException(e);
        }
      }
    }
    return total;
  }

  /** Renames over the target; a symlink there is replaced, never followed. */
  private static void move(Path tmp, Path target) throws IOException {
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Retry-After as delta-seconds or an HTTP date; null when absent or unreadable. */
  static Duration retryAfter(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip())));
    } catch (NumberFormatException notSeconds) {
      try {
        Duration until =
            Duration.between(
                ZonedDateTime.now(),
                ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME));
        return until.isNegative() ? Duration.ZERO : until;
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
  }

  /**
   * One line for a failure, in the words a user expects ("Connection refused", "Timeout after
   * 10s").
   */
  String describe(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException
          && t.getMessage() != null
          && t.getMessage().contains("refused")) {
        return "Connection refused";
      }
      if (t instanceof UnknownHostException) {
        return "Unknown host " + t.getMessage();
      }
      if (t instanceof SocketTimeoutException
          || (t instanceof InterruptedIOException && "timeout".equals(t.getMessage()))) {
        return "Timeout after " + seconds(timeout);
      }
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message.strip();
  }

  static String seconds(Duration d) {
    double s = d.toMillis() / 1000.0;
    return (s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s)) + "s";
  }

  private static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  /** A 200 whose body is not a usable image: final, not worth a retry. */
  private static final class BadBodyException extends IOException {
    BadBodyException(String message) {
      super(message);
    }
  }

  /** The image could not be written to DEST (disk full, permissions): final for this code. */
  private static final class SaveException extends IOException {
    SaveException(IOException cause) {
      super(
          "Cannot save image: "
              + (cause.getMessage() == null
                  ? cause.getClass().getSimpleName()
                  : cause.getMessage()),
          cause);
    }
  }
}
