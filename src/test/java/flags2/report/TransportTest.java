package flags2.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** {@code --json}'s protocol and the HTTP/2 note, for every mix of versions a run can meet. */
class TransportTest {
  @Test
  void http11AloneIsHttp11AndNeedsNoNote() {
    Transport transport = new Transport(194, 30, 0, 0, 30);
    assertEquals("http/1.1", transport.protocol());
    assertNull(transport.note());
  }

  @Test
  void http2AloneIsH2WithItsNote() {
    Transport transport = new Transport(0, 0, 194, 1, 1);
    assertEquals("h2", transport.protocol());
    assertEquals("HTTP/2: 194 requests over 1 connection", transport.note());
  }

  @Test
  void bothAreMixedAndTheNoteTellsEach() {
    Transport transport = new Transport(1, 1, 3, 2, 3);
    assertEquals("mixed", transport.protocol());
    assertEquals(
        "HTTP/2: 3 requests over 2 connections; HTTP/1.1: 1 request over 1 connection",
        transport.note());
  }

  @Test
  void noRequestSentHasNoProtocol() {
    Transport none = new Transport(0, 0, 0, 0, 0);
    assertNull(none.protocol());
    assertNull(none.note());
  }
}
