package flags2.report;

/**
 * Makes text a server chose safe to print on a terminal: control characters (C0, DEL, C1) and
 * Unicode's bidirectional overrides become visible escapes ({@code \x1b}, {@code \u202e}), so a
 * reason phrase cannot move the cursor, clear the screen, ring the bell or fake a report line; and
 * the text is cut to {@link #MAX_LENGTH} characters with {@code ...}. Every line that quotes a
 * server's words goes through here; {@code --json} keeps the exact text instead (JSON-escaped).
 */
public final class Printable {
  /** The longest server text printed, in characters, the "..." included. */
  public static final int MAX_LENGTH = 120;

  /** ASCII, so that a terminal in the C locale shows it too ('…' would print as '?'). */
  private static final String ELLIPSIS = "...";

  private Printable() {}

  /** {@code text}, escaped and cut as the class says. */
  public static String of(String text) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_LENGTH) + 8);
    int cut = MAX_LENGTH; // where to cut: after the last whole piece that leaves room for "..."
    for (int i = 0; i < text.length(); i++) {
      String piece = escaped(text.charAt(i));
      if (cut == MAX_LENGTH && out.length() + piece.length() > MAX_LENGTH - ELLIPSIS.length()) {
        cut = out.length(); // at least 111: a piece is at most 6 characters
      }
      out.append(piece);
      if (out.length() > MAX_LENGTH) {
        if (Character.isHighSurrogate(out.charAt(cut - 1))) {
          cut--; // never half of a character outside the BMP, such as an emoji
        }
        out.setLength(cut);
        return out.append(ELLIPSIS).toString();
      }
    }
    return out.toString();
  }

  private static String escaped(char c) {
    if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f)) {
      return String.format("\\x%02x", (int) c);
    }
    if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) {
      return String.format("\\u%04x", (int) c);
    }
    return String.valueOf(c);
  }
}
