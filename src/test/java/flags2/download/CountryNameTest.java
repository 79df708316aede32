package flags2.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A server's country name becomes a file name as the book's does, or is refused outright. */
class CountryNameTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Brazil|Brazil.gif",
        "United States|United_States.gif",
        "Côte d'Ivoire|Côte_d'Ivoire.gif",
        "Korea, South|Korea,_South.gif",
        "São Tomé and Príncipe|São_Tomé_and_Príncipe.gif",
        "Antigua & Barbuda|Antigua_&_Barbuda.gif",
        "Congo - Kinshasa|Congo_-_Kinshasa.gif",
        "日本|日本.gif",
        "a..b|a..b.gif",
        "Saint\u202fMartin|Saint\u202fMartin.gif",
        "Smile \uD83D\uDE00|Smile_\uD83D\uDE00.gif"
      })
  void spacesBecomeUnderscores(String country, String file) throws Exception {
    assertEquals(file, CountryName.fileName(country));
  }

  @Test
  void decomposedAccentsAreComposed() throws Exception {
    String nfd = "Co\u0302te d'Ivoire"; // o + combining circumflex
    assertEquals("C\u00f4te_d'Ivoire.gif", CountryName.fileName(nfd));
  }

  @Test
  void aNameOf120BytesIsAcceptedAndOneMoreIsNot() throws Exception {
    String longest = "é".repeat(60); // 2 bytes each
    assertEquals(120, longest.getBytes(StandardCharsets.UTF_8).length);
    assertEquals(longest + ".gif", CountryName.fileName(longest));
    assertThrows(CountryName.UnusableException.class, () -> CountryName.fileName(longest + "x"));
  }

  @ParameterizedTest(name = "refuses \"{0}\"")
  @ValueSource(
      strings = {
        "",
        " ",
        ".",
        "..",
        ".hidden",
        "../etc/passwd",
        "a/b",
        "/abs",
        "a\\b",
        "nul\u0000byte",
        "esc\u001b[2J",
        "new\nline",
        "tab\there",
        "del\u007f",
        "c1\u0085",
        "lone\ud800surrogate",
        "Brazil\u202efig.exe",
        "isolate\u2066x",
        "lone\udc00low",
        "ends\ud83d",
        "ltr\u202aembedding",
        "pop\u2069isolate"
      })
  void unusableNamesAreRefused(String country) {
    CountryName.UnusableException e =
        assertThrows(CountryName.UnusableException.class, () -> CountryName.fileName(country));
    assertEquals(
        "unusable country name from server: \"" + flags2.report.Printable.of(country) + "\"",
        e.getMessage());
  }

  @Test
  void theRefusalQuotesTheNamePrintably() {
    CountryName.UnusableException e =
        assertThrows(
            CountryName.UnusableException.class, () -> CountryName.fileName("bad\u001b[2Jname"));
    assertEquals("unusable country name from server: \"bad\\x1b[2Jname\"", e.getMessage());
  }
}
