package flags2.download;

import flags2.report.Printable;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * Turns a country name from a server's {@code metadata.json} into the file name its image is saved
 * under, as the book does: {@code Côte d'Ivoire} becomes {@code Côte_d'Ivoire.gif} (spaces to
 * {@code _}, NFC). The name is untrusted: one that could escape DEST, hide the file, or is not a
 * name at all is refused, never cleaned up into something else.
 */
final class CountryName {
  /** The longest name accepted, in UTF-8 bytes, before {@code .gif}. */
  static final int MAX_BYTES = 120;

  private CountryName() {}

  /** A name the server sent that must not become a file name; its message quotes it printably. */
  static final class UnusableException extends Exception {
    UnusableException(String name) {
      super("unusable country name from server: \"" + Printable.of(name) + "\"");
    }
  }

  /**
   * {@code DEST}-relative file name for {@code country}: NFC, spaces turned into {@code _}, {@code
   * .gif} appended.
   *
   * @throws UnusableException when the name is blank, {@code .} or {@code ..}, starts with {@code
   *     .}, holds {@code /}, {@code \}, NUL, a control character (C0, DEL, C1), a bidirectional
   *     override or isolate, or a lone surrogate, or is longer than {@link #MAX_BYTES} in UTF-8
   */
  static String fileName(String country) throws UnusableException {
    String name = Normalizer.normalize(country, Normalizer.Form.NFC);
    if (name.isBlank()
        || name.startsWith(".")
        || name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES
        || !wellFormed(name)) {
      throw new UnusableException(country);
    }
    return name.replace(' ', '_') + ".gif";
  }

  /** The bidirectional overrides and isolates: they make a listing show another name. */
  private static boolean bidiControl(char c) {
    return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
  }

  private static boolean wellFormed(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '/' || c == '\\' || Character.isISOControl(c) || bidiControl(c)) {
        return false;
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < name.length()
          && Character.isLowSurrogate(name.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
