package flags2.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * An error about a file being written names the image it is for ({@code br.gif}), never the hidden
 * partial file; any other name is shown as it is.
 */
class PartialFilesTest {
  private final Path dest = Path.of("downloads");

  @Test
  void aPartialFileIsNamedForItsImage() {
    Path partial = PartialFiles.path(dest, "br.gif");

    assertTrue(partial.getFileName().toString().startsWith(".br.gif."), partial.toString());
    assertEquals("br.gif", PartialFiles.imageName(partial));
    assertEquals("Brazil.gif", PartialFiles.imageName(PartialFiles.path(dest, "Brazil.gif")));
  }

  @Test
  void anyOtherNameIsShownAsItIs() {
    for (String name :
        new String[] {"br.gif", ".hidden", ".hidden.part", "br.gif.x.part", ".gif.x.part"}) {
      assertEquals(name, PartialFiles.imageName(dest.resolve(name)), name);
    }
  }
}
