package flags2.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Server text on a terminal: visible escapes for what could drive it, and a length cap. */
class PrintableTest {

  static Stream<Arguments> texts() {
    return Stream.of(
        Arguments.of("I'm a Teapot", "I'm a Teapot"),
        Arguments.of("naïve ☕ Teapot", "naïve ☕ Teapot"),
        Arguments.of("\u001b[2J\u0007cleared", "\\x1b[2J\\x07cleared"),
        Arguments.of("fake\rBR OK", "fake\\x0dBR OK"),
        Arguments.of("two\nlines", "two\\x0alines"),
        Arguments.of("tab\there", "tab\\x09here"),
        Arguments.of("del\u007f c1\u009b", "del\\x7f c1\\x9b"),
        Arguments.of("abc\u202edcba", "abc\\u202edcba"));
  }

  @ParameterizedTest
  @MethodSource("texts")
  void controlCharactersAndBidiOverridesBecomeVisibleEscapes(String text, String printed) {
    assertEquals(printed, Printable.of(text));
  }

  @Test
  void longTextIsCutTo120CharactersWithAnEllipsis() {
    assertEquals("x".repeat(120), Printable.of("x".repeat(120)));
    String cut = Printable.of("x".repeat(10_000));
    assertEquals(120, cut.length());
    assertTrue(cut.endsWith("x..."), cut);
  }

  @Test
  void anEscapeIsNeverCutInHalf() {
    String cut = Printable.of("x".repeat(117) + "\u001b\u001b\u001b");
    assertEquals("x".repeat(117) + "...", cut);
  }

  /** The ranges escaped end exactly where the control and bidi characters end. */
  @Test
  void charactersJustOutsideTheEscapedRangesPrintAsThemselves() {
    assertEquals("\\x1f \\x7f~", Printable.of("\u001f \u007f~"));
    assertEquals("\\x80\\x9f\u00a0", Printable.of("\u0080\u009f\u00a0"));
    assertEquals(
        "\u2029\\u202a\\u202e\u202f\u2065\\u2066\\u2069\u206a",
        Printable.of("\u2029\u202a\u202e\u202f\u2065\u2066\u2069\u206a"));
  }

  @Test
  void aCharacterOutsideTheBmpAfterTheCutLeavesTheCutWhereItWas() {
    String cut = Printable.of("x".repeat(117) + "a" + "\uD83D\uDE00".repeat(3));
    assertEquals("x".repeat(117) + "...", cut);
  }

  @Test
  void aCharacterOutsideTheBmpIsNeverCutInHalf() {
    String cut = Printable.of("x".repeat(116) + "\uD83D\uDE00".repeat(10));
    assertEquals("x".repeat(116) + "...", cut);
  }
}
