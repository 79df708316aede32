package flags2.download;

import java.io.IOException;

/** A 200 whose body is not a usable image: final, not worth a retry. */
final class BadBodyException extends IOException {
  BadBodyException(String message) {
    super(message);
  }
}
