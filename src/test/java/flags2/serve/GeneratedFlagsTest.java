package flags2.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flags2.common.Codes;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * What the test servers' generated flags look like, read back from the GIF a client gets: three
 * stripes, each unlike the next, a disc with a ring that contrasts with it, and the code written
 * large across the middle. 300 x 200 pixels; the disc is 140 across, centred.
 */
class GeneratedFlagsTest {
  private static BufferedImage image(String code) throws IOException {
    return ImageIO.read(new ByteArrayInputStream(GeneratedContent.draw(code)));
  }

  private static boolean vertical(BufferedImage image) {
    return image.getRGB(2, 2) != image.getRGB(150, 2); // adjacent stripes always differ
  }

  /** The three stripes' colours, read at their middles along the edge the disc leaves free. */
  private static List<Integer> stripes(BufferedImage image) {
    return vertical(image)
        ? List.of(image.getRGB(50, 2), image.getRGB(150, 2), image.getRGB(250, 2))
        : List.of(image.getRGB(2, 33), image.getRGB(2, 100), image.getRGB(2, 166));
  }

  private static int luma(int rgb) {
    return (299 * (rgb >> 16 & 0xff) + 587 * (rgb >> 8 & 0xff) + 114 * (rgb & 0xff)) / 1000;
  }

  @Test
  void everyFlagHasThreeStripesEachUnlikeTheNextFromEdgeToEdge() throws IOException {
    for (String code : Codes.countryCodes()) {
      BufferedImage image = image(code);
      List<Integer> stripes = stripes(image);
      assertNotEquals(stripes.get(0), stripes.get(1), code);
      assertNotEquals(stripes.get(1), stripes.get(2), code);
      for (int i = 0; i < 3; i++) {
        // each stripe fills its third exactly: first and last pixel of its band, at the edge
        int first = vertical(image) ? image.getRGB(i * 100, 0) : image.getRGB(0, i * 66 + 1);
        int last =
            vertical(image) ? image.getRGB(i * 100 + 99, 199) : image.getRGB(299, i * 66 + 65);
        assertEquals(stripes.get(i), first, code + " stripe " + i + " starts");
        assertEquals(stripes.get(i), last, code + " stripe " + i + " ends");
      }
    }
  }

  @Test
  void theDiscsRingContrastsWithTheDiscAndIsFivePixelsWide() throws IOException {
    for (String code : Codes.countryCodes()) {
      BufferedImage image = image(code);
      int disc = image.getRGB(150, 45);
      int ring = luma(disc) > 140 ? 0xff000000 : 0xffffffff;
      for (int x : new int[] {78, 80, 82, 218, 220, 222}) {
        assertEquals(ring, image.getRGB(x, 100), code + " ring at x = " + x);
      }
    }
  }

  @Test
  void theCodeIsWrittenLargeAcrossTheMiddleOfTheDisc() throws IOException {
    for (String code : List.of("AD", "BR", "CN", "WS")) {
      BufferedImage image = image(code);
      int ring = image.getRGB(80, 100);
      int from = Integer.MAX_VALUE;
      int to = Integer.MIN_VALUE;
      for (int x = 85; x <= 215; x++) {
        if (image.getRGB(x, 100) == ring) {
          from = Math.min(from, x);
          to = Math.max(to, x);
        }
      }
      assertTrue(to - from > 50, code + " is " + (to - from) + " pixels wide");
      assertTrue(Math.abs((from + to) / 2 - 150) <= 10, code + " centred at " + (from + to) / 2);
    }
  }

  /**
   * Colours and layout depend on the code alone: a code gets the same flag from every server, in
   * every run and release (Andorra's is striped top to bottom, Brazil's side to side).
   */
  @Test
  void aCodeGetsTheSameFlagInEveryRun() throws IOException {
    BufferedImage ad = image("AD");
    BufferedImage br = image("BR");
    assertTrue(vertical(ad));
    assertEquals(List.of(0xffffffff, 0xff6cace4, 0xffce1126), stripes(ad));
    assertEquals(0xff002868, ad.getRGB(150, 45), "AD's disc");
    assertTrue(!vertical(br));
    assertEquals(List.of(0xff000000, 0xffce1126, 0xff009a44), stripes(br));
    assertEquals(0xff6cace4, br.getRGB(150, 45), "BR's disc");
  }
}
