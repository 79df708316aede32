package flags2.serve;

import flags2.common.Codes;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;

/**
 * The default content: for each of the 194 codes a generated, flag-like GIF that shows its code,
 * and a {@code metadata.json} naming the country (from the JDK's locale data). Images depend only
 * on the code, so repeated runs serve identical bytes; each is drawn on first request and cached.
 */
final class GeneratedContent implements Content {
  private static final Color[] COLOURS = {
    new Color(0xCE1126), new Color(0xFFFFFF), new Color(0x002868), new Color(0x009A44),
    new Color(0xFCD116), new Color(0x000000), new Color(0xFF8200), new Color(0x6CACE4)
  };

  /** The palette itself: drawing on an indexed image spares the GIF writer a quantisation pass. */
  private static final IndexColorModel PALETTE = palette();

  private static final int WIDTH = 300;
  private static final int HEIGHT = 200;

  private final Set<String> codes = Set.copyOf(Codes.countryCodes());
  private final Map<String, byte[]> images = new ConcurrentHashMap<>();

  @Override
  public Optional<Resource> find(String cc, String file) {
    String code = cc.toUpperCase(Locale.ROOT);
    if (!codes.contains(code)) {
      return Optional.empty();
    }
    if (file.endsWith(".gif")) {
      return Optional.of(
          new Resource(images.computeIfAbsent(code, GeneratedContent::draw), "image/gif"));
    }
    return Optional.of(
        new Resource(metadata(code).getBytes(StandardCharsets.UTF_8), "application/json"));
  }

  static String metadata(String code) {
    String country = Locale.of("", code).getDisplayCountry(Locale.ENGLISH);
    String escaped = country.replace("\\", "\\\\").replace("\"", "\\\"");
    return "{\"country\": \"" + escaped + "\", \"iso_cc\": \"" + code + "\"}";
  }

  /** Three stripes, a disc and the code, in colours chosen by the code alone. */
  static byte[] draw(String code) {
    System.setProperty("java.awt.headless", "true");
    SplittableRandom random = new SplittableRandom(code.hashCode());
    Color[] stripes = new Color[3];
    for (int i = 0; i < stripes.length; i++) {
      do {
        stripes[i] = COLOURS[random.nextInt(COLOURS.length)];
      } while (i > 0 && stripes[i].equals(stripes[i - 1]));
    }
    boolean vertical = random.nextBoolean();
    BufferedImage image =
        new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_INDEXED, PALETTE);
    Graphics2D g = image.createGraphics();
    try {
      for (int i = 0; i < 3; i++) {
        g.setColor(stripes[i]);
        if (vertical) {
          g.fillRect(i * WIDTH / 3, 0, WIDTH / 3 + 1, HEIGHT);
        } else {
          g.fillRect(0, i * HEIGHT / 3, WIDTH, HEIGHT / 3 + 1);
        }
      }
      Color disc = COLOURS[random.nextInt(COLOURS.length)];
      g.setColor(disc);
      g.fillOval(WIDTH / 2 - 70, HEIGHT / 2 - 70, 140, 140);
      g.setColor(contrast(disc));
      g.setStroke(new BasicStroke(5));
      g.drawOval(WIDTH / 2 - 70, HEIGHT / 2 - 70, 140, 140);
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 64));
      int textWidth = g.getFontMetrics().stringWidth(code);
      g.drawString(code, (WIDTH - textWidth) / 2, HEIGHT / 2 + 23);
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "gif", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static IndexColorModel palette() {
    byte[] r = new byte[COLOURS.length];
    byte[] g = new byte[COLOURS.length];
    byte[] b = new byte[COLOURS.length];
    for (int i = 0; i < COLOURS.length; i++) {
      r[i] = (byte) COLOURS[i].getRed();
      g[i] = (byte) COLOURS[i].getGreen();
      b[i] = (byte) COLOURS[i].getBlue();
    }
    return new IndexColorModel(3, COLOURS.length, r, g, b);
  }

  private static Color contrast(Color c) {
    int luma = (299 * c.getRed() + 587 * c.getGreen() + 114 * c.getBlue()) / 1000;
    return luma > 140 ? Color.BLACK : Color.WHITE;
  }
}
