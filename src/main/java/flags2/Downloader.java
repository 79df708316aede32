package flags2;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Locale;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The per-request logic every strategy shares: builds the call for a code, turns a response or a
 * failure into a {@link Result}, and saves a 200 body through a temporary file renamed into place.
 * No method throws for a failed download; failures come back as {@link Status#ERROR} results.
 */
public final class Downloader {
  private final OkHttpClient client;
  private final HttpUrl base;
  private final Path dest;
  private final long maxSize;
  private final Duration timeout;

  public Downloader(OkHttpClient client, HttpUrl base, Path dest, long maxSize, Duration timeout) {
    this.client = client;
    this.base = base;
    this.dest = dest;
    this.maxSize = maxSize;
    this.timeout = timeout;
  }

  /** A new, unstarted call for {@code {base}/{cc}/{cc}.gif}. */
  public Call newCall(String code) {
    String cc = code.toLowerCase(Locale.ROOT);
    HttpUrl url = base.newBuilder().addPathSegment(cc).addPathSegment(cc + ".gif").build();
    return client.newCall(new Request.Builder().url(url).tag(String.class, code).build());
  }

  /** Runs one blocking request for {@code code}; never throws. */
  public Result fetch(String code) {
    long start = System.nanoTime();
    Call call = newCall(code);
    try (Response response = call.execute()) {
      return outcome(code, response, start);
    } catch (IOException e) {
      return failure(code, e, start);
    } catch (RuntimeException e) {
      return unexpected(code, e, start);
    }
  }

  /**
   * The result for a bug or library failure that escaped as an unchecked exception: still an
   * ERROR for that code, so no count is ever lost.
   */
  public Result unexpected(String code, RuntimeException e, long startNanos) {
    return Result.error(code, 0, millisSince(startNanos), "Unexpected " + e);
  }

  /** Cancels every call of this downloader's client that is queued or running. */
  public void cancelAll() {
    client.dispatcher().cancelAll();
  }

  /**
   * Classifies a response and, for a 200, reads and saves the whole body before returning, so the
   * caller may close the response at once.
   */
  public Result outcome(String code, Response response, long startNanos) {
    int status = response.code();
    if (status == 404) {
      return Result.notFound(code, millisSince(startNanos));
    }
    if (status != 200) {
      String message = "HTTP error " + status + " - " + ReasonPhrases.of(status, response.message());
      return Result.error(code, status, millisSince(startNanos), message);
    }
    try {
      long bytes = save(code, response.body());
      return Result.ok(code, status, bytes, millisSince(startNanos));
    } catch (BadBodyException e) {
      return Result.error(code, status, millisSince(startNanos), e.getMessage());
    } catch (IOException e) {
      return Result.error(code, status, millisSince(startNanos), describe(e));
    }
  }

  /** The result for a request that produced no usable response. */
  public Result failure(String code, IOException e, long startNanos) {
    return Result.error(code, 0, millisSince(startNanos), describe(e));
  }

  private long save(String code, ResponseBody body) throws IOException {
    MediaType type = body.contentType();
    if (type != null && !type.type().equals("image") && !type.toString().startsWith("application/octet-stream")) {
      throw new BadBodyException("Not an image: " + type);
    }
    if (body.contentLength() > maxSize) {
      throw new BadBodyException("Image larger than " + maxSize + " bytes");
    }
    String name = code.toLowerCase(Locale.ROOT) + ".gif";
    Path tmp = Files.createTempFile(dest, "." + name + ".", ".part");
    try {
      long total = copy(body.byteStream(), tmp);
      if (total == 0) {
        throw new BadBodyException("Empty response body");
      }
      makeReadable(tmp);
      move(tmp, dest.resolve(name));
      return total;
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private long copy(InputStream in, Path tmp) throws IOException {
    long total = 0;
    try (in;
        OutputStream out = Files.newOutputStream(tmp)) {
      byte[] buffer = new byte[16 * 1024];
      for (int n; (n = in.read(buffer)) != -1; ) {
        total += n;
        if (total > maxSize) {
          throw new BadBodyException("Image larger than " + maxSize + " bytes");
        }
        out.write(buffer, 0, n);
      }
    }
    return total;
  }

  /** Temporary files are created 0600; a saved image gets the ordinary 0644. */
  private static void makeReadable(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    } catch (UnsupportedOperationException notPosix) {
      // the file system's default permissions stand
    }
  }

  /** Renames over the target; a symlink there is replaced, never followed. */
  private static void move(Path tmp, Path target) throws IOException {
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** One line for a failure, in the words a user expects ("Connection refused", "Timeout after 10s"). */
  String describe(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException && t.getMessage() != null && t.getMessage().contains("refused")) {
        return "Connection refused";
      }
      if (t instanceof UnknownHostException) {
        return "Unknown host " + t.getMessage();
      }
      if (t instanceof SocketTimeoutException
          || (t instanceof InterruptedIOException && "timeout".equals(t.getMessage()))) {
        return "Timeout after " + seconds(timeout);
      }
      if (t instanceof FileSystemException fs) {
        return "Cannot save image: " + fs.getMessage();
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

  /** A 200 whose body is not a usable image. */
  private static final class BadBodyException extends IOException {
    BadBodyException(String message) {
      super(message);
    }
  }
}
