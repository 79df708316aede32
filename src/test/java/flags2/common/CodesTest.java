package flags2.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CodesTest {
  private static final int NO_LIMIT = Integer.MAX_VALUE;

  @Test
  void countryCodesAreTheBooks194() {
    List<String> codes = Codes.countryCodes();
    assertEquals(194, codes.size());
    assertEquals("AD", codes.getFirst());
    assertEquals("ZW", codes.getLast());
  }

  @Test
  void noArgumentsMeansTheTwentyMostPopulousSorted() {
    List<String> codes = Codes.expand(List.of(), false, false, NO_LIMIT);
    assertEquals(Codes.POP20.stream().sorted().toList(), codes);
  }

  @Test
  void aLetterExpandsToAllTwentySixCodes() {
    List<String> codes = Codes.expand(List.of("b"), false, false, NO_LIMIT);
    assertEquals(26, codes.size());
    assertEquals("BA", codes.getFirst());
    assertEquals("BZ", codes.getLast());
  }

  @Test
  void codesAreUpperCasedDeduplicatedAndSorted() {
    assertEquals(
        List.of("BR", "BZ", "CN", "US"),
        Codes.expand(List.of("us", "BR", "cn", "Br", "bz"), false, false, NO_LIMIT));
    assertEquals(
        78, Codes.expand(List.of("a", "b", "c", "ab", "C"), false, false, NO_LIMIT).size());
  }

  @Test
  void everyWinsOverAllWhichWinsOverArguments() {
    assertEquals(676, Codes.expand(List.of("br"), true, true, NO_LIMIT).size());
    assertEquals(Codes.countryCodes(), Codes.expand(List.of("br"), true, false, NO_LIMIT));
  }

  @Test
  void limitKeepsTheFirstCodesAfterSorting() {
    assertEquals(List.of("AA", "AB", "AC"), Codes.expand(List.of(), false, true, 3));
    assertEquals(List.of("BR", "CN"), Codes.expand(List.of("us", "cn", "br"), false, false, 2));
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "1", "b1", "", "ß", "\uFF21\uFF22", "é", "-"})
  void anythingButOneOrTwoAsciiLettersIsRejected(String arg) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Codes.expand(List.of("br", arg), false, false, NO_LIMIT));
    assertEquals(
        "'" + arg + "' is not a country code: each CC argument must be A to Z or AA to ZZ.",
        e.getMessage());
  }

  @Test
  void badArgumentsAreRejectedEvenWithAll() {
    assertThrows(
        IllegalArgumentException.class, () -> Codes.expand(List.of("xyz"), true, false, NO_LIMIT));
  }
}
