package flags2.download;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.ResponseBody;

/**
 * What a 200 must be before {@link ImageStore} saves its body: framed without ambiguity (one
 * Content-Length, a number; no encoding left in place) and a GIF image by its first bytes, whatever
 * its Content-Type says. Each failure is final: another try would get the same body.
 */
final class ImageCheck {
  private ImageCheck() {}

  /**
   * What makes a response's body untrustworthy before a byte is read: Content-Length headers that
   * disagree or are not a number (OkHttp would believe one of them, or none, and save a cut or
   * overlong body), or a Content-Encoding it left in place (it undoes only the gzip it asked for);
   * null when there is none.
   */
  static String framingProblem(Headers headers) {
    List<String> lengths = headers.values("Content-Length");
    for (String length : lengths) {
      if (!length.strip().matches("[0-9]{1,18}")) {
        return "malformed Content-Length: " + length;
      }
    }
    if (lengths.stream().map(l -> Long.parseLong(l.strip())).distinct().count() > 1) {
      return "conflicting Content-Length headers: " + String.join(", ", lengths);
    }
    for (String encoding : headers.values("Content-Encoding")) { // empty: no coding, as curl
      if (!encoding.isBlank() && !encoding.strip().equalsIgnoreCase("identity")) {
        return "unrequested Content-Encoding: " + encoding;
      }
    }
    return null;
  }

  private static final byte[] GIF87A = "GIF87a".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] GIF89A = "GIF89a".getBytes(StandardCharsets.US_ASCII);

  private static boolean isGif(byte[] head) {
    return Arrays.equals(head, GIF87A) || Arrays.equals(head, GIF89A);
  }

  /** Collects a body's first bytes as they stream in, and stops the body when they are wrong. */
  static final class GifHead {
    private final ResponseBody body;
    private final byte[] head = new byte[GIF87A.length];
    private int have;

    GifHead(ResponseBody body) {
      this.body = body;
    }

    /** The next {@code n} bytes of the body, in {@code buffer}. */
    void accept(byte[] buffer, int n) throws BadBodyException {
      if (have < head.length) {
        int more = Math.min(n, head.length - have);
        System.arraycopy(buffer, 0, head, have, more);
        have += more;
        if (have == head.length && !isGif(head)) {
          throw notGif();
        }
      }
    }

    /** The body has ended; a non-empty one shorter than the magic bytes is no GIF either. */
    void end() throws BadBodyException {
      if (have > 0 && have < head.length) {
        throw notGif();
      }
    }

    /** {@code not a GIF image (got text/html, 1234 bytes)}: its type and declared length. */
    private BadBodyException notGif() {
      MediaType type = body.contentType();
      long length = body.contentLength();
      return new BadBodyException(
          "not a GIF image (got "
              + (type == null ? "no Content-Type" : type.toString())
              + (length >= 0 ? ", " + length + " bytes" : "")
              + ")");
    }
  }
}
