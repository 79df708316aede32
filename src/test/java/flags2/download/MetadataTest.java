package flags2.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a metadata.json must be for its country's name to be taken. */
class MetadataTest {

  private static String country(String json) throws Metadata.BadMetadataException {
    return Metadata.country(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void takesTheCountryAndIgnoresTheRest() throws Exception {
    assertEquals(
        "Bahrain",
        country(
            "{\"tld_cc\": \".bh\", \"iso_cc\": \"BH\", \"country\": \"Bahrain\","
                + " \"gec_cc\": \"BA\", \"more\": {\"country\": \"nested\"}}"));
    assertEquals("Côte d'Ivoire", country("{\"country\": \"C\\u00f4te d'Ivoire\"}"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"country\": \"Bra|malformed metadata.json: ",
        "not json|malformed metadata.json: ",
        "{\"country\": \"A\", \"country\": \"B\"}|malformed metadata.json: Duplicate field",
        "{\"country\": \"A\"} {}|malformed metadata.json: data after the object",
        "[\"country\"]|metadata.json is not a JSON object",
        "\"Brazil\"|metadata.json is not a JSON object",
        "{}|metadata.json has no \"country\"",
        "{\"name\": \"Brazil\"}|metadata.json has no \"country\"",
        "{\"country\": null}|metadata.json: \"country\" is not a string",
        "{\"country\": 42}|metadata.json: \"country\" is not a string",
        "{\"country\": [\"Brazil\"]}|metadata.json: \"country\" is not a string"
      })
  void anythingButOneObjectWithACountryStringIsRefused(String json, String message) {
    Metadata.BadMetadataException e =
        assertThrows(Metadata.BadMetadataException.class, () -> country(json));
    assertTrue(e.getMessage().startsWith(message), e.getMessage());
    assertEquals(1, e.getMessage().lines().count(), "one line: " + e.getMessage());
  }
}
