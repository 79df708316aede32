package flags2.download;

import flags2.strategy.Result;
import flags2.strategy.Status;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.function.LongSupplier;
import okhttp3.Response;

/**
 * {@code --country-names}, the book's flags3: two requests per code, the image and then its {@code
 * metadata.json}, and the image saved as {@code DEST/{Country_Name}.gif}. The image is streamed to
 * a hidden temporary file while its request runs and renamed under the country's name once the
 * metadata has named it; a 404 on either request is not found, any other failure an error, and
 * either way nothing is saved.
 *
 * <p>The blocking form makes the two calls one after the other on the calling thread. The callback
 * form chains the metadata request on the image's with {@code thenCompose}, so no thread waits for
 * either, and renames off the HTTP client's callback thread. Each request, not the pair, counts
 * against the concurrency limit: nothing is held between the two.
 *
 * <p>A name is claimed once per run (ignoring case, for case-insensitive file systems): a second
 * code the server gives the same name is an error, never an overwrite. A file left in DEST by an
 * earlier run is replaced, as {@code cc.gif} is.
 */
final class CountryNameFetch {
  /** Renames into place on a thread of their own: the book's {@code asyncio.to_thread}. */
  private static final Executor SAVER = task -> Thread.ofVirtual().name("flags2-save").start(task);

  private final HttpFetcher http;
  private final ImageStore store;
  private final LongSupplier nanoTime;

  /** Lower-cased file names saved (or being saved) in this run, to the code that claimed each. */
  private final Map<String, String> claimed = new ConcurrentHashMap<>();

  CountryNameFetch(HttpFetcher http, ImageStore store, LongSupplier nanoTime) {
    this.http = http;
    this.store = store;
    this.nanoTime = nanoTime;
  }

  /** Both requests on the calling thread, each holding a permit of {@code permits} if not null. */
  Result fetch(String code, Semaphore permits) {
    Pair pair = new Pair(code);
    Result image = http.get(code, RequestKind.IMAGE, pair::keepImage, permits);
    if (image.status() != Status.OK) {
      return image;
    }
    Result metadata = http.get(code, RequestKind.METADATA, pair::readName, permits);
    return pair.finish(image, metadata);
  }

  /** The metadata request chained on the image's; never completes exceptionally. */
  CompletableFuture<Result> fetchAsync(String code) {
    Pair pair = new Pair(code);
    return http.getAsync(code, RequestKind.IMAGE, pair::keepImage)
        .thenCompose(
            image ->
                image.status() != Status.OK
                    ? CompletableFuture.completedFuture(image)
                    : http.getAsync(code, RequestKind.METADATA, pair::readName)
                        .thenApplyAsync(metadata -> pair.finish(image, metadata), SAVER));
  }

  /** One code's image, kept until its name is known, and that name. */
  private final class Pair {
    private final String code;
    private volatile ImageStore.Kept kept;
    private volatile String fileName;

    Pair(String code) {
      this.code = code;
    }

    long keepImage(Response ok) throws IOException {
      kept = store.keep(code, ok);
      return kept.bytes();
    }

    long readName(Response ok) throws IOException {
      Metadata.Name name = Metadata.read(ok);
      fileName = name.fileName();
      return name.bytes();
    }

    /** Saves the kept image under its name, or discards it; the code's one result. */
    Result finish(Result image, Result metadata) {
      try {
        if (metadata.status() != Status.OK) {
          store.discard(kept);
          return of(
              metadata.status(), metadata.httpStatus(), 0, metadata.error(), image, metadata, null);
        }
        String key = fileName.toLowerCase(Locale.ROOT);
        String owner = claimed.putIfAbsent(key, code);
        if (owner != null) {
          store.discard(kept);
          String error = "country name already saved for " + owner + " in this run: " + fileName;
          return of(Status.ERROR, 200, 0, error, image, metadata, null);
        }
        Path file = store.dest().resolve(fileName);
        try {
          store.place(kept, file);
        } catch (SaveException e) {
          claimed.remove(key, code);
          return of(Status.ERROR, 200, 0, e.getMessage(), image, metadata, null);
        }
        return of(Status.OK, 200, image.bytes(), "", image, metadata, file.toString());
      } catch (RuntimeException e) {
        if (kept != null) {
          store.discard(kept);
        }
        return of(Status.ERROR, 0, 0, Failures.unexpected(e), image, metadata, null);
      }
    }

    /** The pair's result: timed from the image's first try, counting both requests' retries. */
    private Result of(
        Status status,
        int httpStatus,
        long bytes,
        String error,
        Result image,
        Result metadata,
        String file) {
      return new Result(
          code,
          status,
          httpStatus,
          bytes,
          (nanoTime.getAsLong() - image.startNanos()) / 1_000_000,
          error,
          image.attempts() + metadata.attempts() - 1,
          image.startNanos(),
          file);
    }
  }
}
