package flags2.download;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * Reads a 200 {@code metadata.json}: a JSON object whose {@code "country"} string names the
 * country, the rest ignored. Its body is untrusted: at most {@link #MAX_BYTES} are read, and
 * anything but one well-formed object with one {@code "country"} string is a {@link
 * BadMetadataException}, final like a bad image.
 */
final class Metadata {
  /** The largest metadata body accepted: 64 KiB. */
  static final long MAX_BYTES = 64 * 1024;

  private static final JsonFactory JSON =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private Metadata() {}

  /** A 200 metadata body that names no usable country: not worth a retry. */
  static final class BadMetadataException extends IOException {
    BadMetadataException(String message) {
      super(message);
    }
  }

  /** What a metadata body said: the file name for the country's image, and the body's size. */
  record Name(String fileName, long bytes) {}

  /**
   * The file name the country's image is saved under (see {@link CountryName}); closes nothing.
   *
   * @throws BadMetadataException for an ambiguous framing, a body over {@link #MAX_BYTES},
   *     malformed JSON, no {@code "country"} string, or an unusable name (final)
   * @throws IOException when the connection fails while the body is read (may be retried)
   */
  static Name read(Response response) throws IOException {
    String framing = ImageCheck.framingProblem(response.headers());
    if (framing != null) {
      throw new BadMetadataException(framing);
    }
    if (response.body().contentLength() > MAX_BYTES) {
      throw tooLarge();
    }
    BufferedSource source = response.body().source();
    if (source.request(MAX_BYTES + 1)) {
      throw tooLarge();
    }
    byte[] json = source.getBuffer().readByteArray();
    String country = country(json);
    try {
      return new Name(CountryName.fileName(country), json.length);
    } catch (CountryName.UnusableException e) {
      throw new BadMetadataException(e.getMessage());
    }
  }

  /** The top-level {@code "country"} string of a JSON object. */
  static String country(byte[] json) throws BadMetadataException {
    String country = null;
    try (JsonParser parser = JSON.createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new BadMetadataException("metadata.json is not a JSON object");
      }
      boolean found = false;
      for (JsonToken t; (t = parser.nextToken()) != JsonToken.END_OBJECT; ) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if ("country".equals(field) && t == JsonToken.FIELD_NAME) {
          found = true;
          country = value == JsonToken.VALUE_STRING ? parser.getText() : null;
        }
        parser.skipChildren();
      }
      if (parser.nextToken() != null) {
        throw new BadMetadataException("malformed metadata.json: data after the object");
      }
      if (!found) {
        throw new BadMetadataException("metadata.json has no \"country\"");
      }
      if (country == null) {
        throw new BadMetadataException("metadata.json: \"country\" is not a string");
      }
      return country;
    } catch (BadMetadataException e) {
      throw e;
    } catch (JsonProcessingException e) {
      throw new BadMetadataException("malformed metadata.json: " + oneLine(e.getOriginalMessage()));
    } catch (IOException e) { // reading a byte array fails only as malformed
      throw new BadMetadataException("malformed metadata.json: " + oneLine(e.getMessage()));
    }
  }

  private static String oneLine(String message) {
    return message == null ? "unreadable" : message.lines().findFirst().orElse("").strip();
  }

  private static BadMetadataException tooLarge() {
    return new BadMetadataException("metadata.json larger than 64 KiB");
  }
}
