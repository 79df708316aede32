package flags2.serve;

import java.io.IOException;
import java.util.Optional;

/** What a test server serves under {@code /flags/{cc}/}: an image and its metadata, or nothing. */
interface Content {

  /** A body and its media type. */
  record Resource(byte[] body, String contentType) {}

  /**
   * The resource {@code file} ({@code cc.gif} or {@code metadata.json}) for lower-case code {@code
   * cc}, or empty when there is none.
   */
  Optional<Resource> find(String cc, String file) throws IOException;
}
