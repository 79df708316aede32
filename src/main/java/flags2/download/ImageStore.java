package flags2.download;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Saves images in DEST: each body is streamed to a hidden temporary file and renamed into place, so
 * a killed or failed run never leaves a truncated image, and a bad body never replaces a good one.
 * Keeps track of the files being written, so a stopping run can remove what its workers did not.
 * With {@code --country-names} the two steps come apart ({@link #keep}, then {@link #place} or
 * {@link #discard}): a kept body waits in its temporary file until the metadata names it.
 */
final class ImageStore {
  private final Path dest;
  private final long maxSize;
  private final BooleanSupplier cancelled;

  /** Temporary files being written; what a cancelled run's workers leave, it removes itself. */
  private final Set<Path> partialFiles = ConcurrentHashMap.newKeySet();

  /**
   * Set once a partial file could be neither renamed nor removed (an append-only DEST): later saves
   * then fail at once rather than each leave another file nobody can remove.
   */
  private volatile String stuck;

  /** {@code cancelled}: once true, a body not yet written is not saved. */
  ImageStore(Path dest, long maxSize, BooleanSupplier cancelled) {
    this.dest = dest;
    this.maxSize = maxSize;
    this.cancelled = cancelled;
  }

  /**
   * Creates DEST if needed and checks, without writing a file, that the user may write there.
   *
   * @return a description of the problem when DEST is unusable, else null
   */
  static String prepare(Path dest) {
    if (Files.exists(dest) && !Files.isDirectory(dest)) {
      return "'" + dest + "' is not a directory.";
    }
    try {
      Files.createDirectories(dest);
    } catch (FileAlreadyExistsException e) {
      return "'" + dest + "' is not a directory.";
    } catch (IOException | SecurityException e) {
      return "cannot create '" + dest + "' (" + e.getMessage() + ").";
    }
    if (!Files.isWritable(dest)) { // access(2), as test -w: creates nothing, even where nothing
      return "'" + dest + "' is not writable."; // could be removed again (an append-only DEST)
    }
    PartialFiles.removeStale(dest);
    return null;
  }

  /** A body written to a hidden temporary file in DEST by {@link #keep}, not yet in place. */
  record Kept(Path tmp, long bytes) {}

  /**
   * Saves a 200 body as {@code DEST/{cc}.gif} and closes it, only if it is a GIF image (its first
   * bytes {@code GIF87a} or {@code GIF89a}, checked as they stream in, before the rename), whatever
   * its Content-Type says, and only if its length is told without ambiguity and it comes in no
   * encoding OkHttp did not undo: an HTML page, garbage or a cut body sent with a 200 never
   * replaces a good image.
   *
   * @return the bytes saved
   * @throws BadBodyException when the body is not a usable image (final)
   * @throws SaveException when DEST cannot be written (final)
   * @throws IOException when the connection fails while the body is read (may be retried)
   */
  long save(String code, Response response) throws IOException {
    Kept kept = keep(code, response);
    place(kept, fileFor(code));
    return kept.bytes();
  }

  /**
   * The first half of {@link #save}, with the same checks and exceptions: the body streamed to a
   * hidden temporary file that stays until {@link #place} or {@link #discard} (or the run's {@link
   * #removePartialFiles}), for an image whose name is not known yet.
   */
  Kept keep(String code, Response response) throws IOException {
    String framing = ImageCheck.framingProblem(response.headers());
    if (framing != null) {
      throw new BadBodyException(framing);
    }
    ResponseBody body = response.body();
    if (body.contentLength() > maxSize) {
      throw tooLarge();
    }
    // One open (not Files.createTempFile's create, close and reopen): on a sandboxed file system
    // each call costs, and saving was half of a fast run's work.
    if (stuck != null) {
      throw new SaveException(stuck);
    }
    Path tmp = PartialFiles.path(dest, fileFor(code).getFileName().toString());
    OutputStream out;
    try {
      out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new SaveException(e);
    }
    partialFiles.add(tmp);
    boolean kept = false;
    try {
      long total;
      try (out) {
        total = copy(body.byteStream(), out, new ImageCheck.GifHead(body));
      }
      if (total == 0) {
        throw new BadBodyException("Empty response body");
      }
      kept = true;
      return new Kept(tmp, total);
    } finally {
      if (!kept) {
        discard(new Kept(tmp, 0));
      }
    }
  }

  /**
   * Renames a kept body to {@code target} (replacing what is there, a symlink included, never
   * following it); on failure the temporary file is removed.
   */
  void place(Kept kept, Path target) throws SaveException {
    try {
      move(kept.tmp(), target);
      partialFiles.remove(kept.tmp());
    } catch (IOException e) {
      discard(kept);
      throw new SaveException(e);
    }
  }

  /** Removes a kept body that will not be placed. */
  void discard(Kept kept) {
    try {
      Files.deleteIfExists(kept.tmp());
    } catch (IOException e) { // the failure that brought us here is the one to report
      stuck = "the destination lets files be created but not renamed or removed (append-only?)";
    }
    partialFiles.remove(kept.tmp());
  }

  /** Where images go. */
  Path dest() {
    return dest;
  }

  /** Where {@link #save} puts the image of {@code code}: {@code DEST/{cc}.gif}. */
  Path fileFor(String code) {
    return dest.resolve(code.toLowerCase(Locale.ROOT) + ".gif");
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
   * Stops with "Canceled" as soon as the run is cancelled, before writing another buffer, and as
   * soon as {@code head} finds the first bytes are not a GIF's.
   */
  private long copy(InputStream in, OutputStream out, ImageCheck.GifHead head) throws IOException {
    long total = 0;
    try (in) {
      byte[] buffer = new byte[16 * 1024];
      for (int n; (n = in.read(buffer)) != -1; ) {
        if (cancelled.getAsBoolean()) {
          throw new IOException("Canceled");
        }
        head.accept(buffer, n);
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
    head.end();
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
}
