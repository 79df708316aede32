package flags2.download;

import flags2.timeline.Fetch;
import java.util.Locale;
import okhttp3.HttpUrl;

/**
 * What one HTTP request fetches for a code: its image or, with {@code --country-names}, its {@code
 * metadata.json}. Every request of a run is one code, one kind and one attempt number.
 */
enum RequestKind {
  IMAGE,
  METADATA;

  /** {@code {base}/{cc}/{cc}.gif} or {@code {base}/{cc}/metadata.json}. */
  HttpUrl url(HttpUrl base, String code) {
    String cc = code.toLowerCase(Locale.ROOT);
    return base.newBuilder().addPathSegment(cc).addPathSegment(fileName(cc)).build();
  }

  /**
   * A failure of this request, in the words of the code's result: an image's as it is, a metadata
   * request's prefixed {@code metadata.json: }, so that a reader can tell which of the two failed.
   */
  String failed(String message) {
    return switch (this) {
      case IMAGE -> message;
      case METADATA -> "metadata.json: " + message;
    };
  }

  /** The file name the request asks for, as the server names it. */
  String fileName(String cc) {
    return switch (this) {
      case IMAGE -> cc.toLowerCase(Locale.ROOT) + ".gif";
      case METADATA -> "metadata.json";
    };
  }

  /** The same kind, as the timeline names it. */
  Fetch fetch() {
    return switch (this) {
      case IMAGE -> Fetch.IMAGE;
      case METADATA -> Fetch.METADATA;
    };
  }
}
