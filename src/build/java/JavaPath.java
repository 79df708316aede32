import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Build-time tool, run by {@code -Pmutation} as a source-file program on the JDK the build selected
 * (the toolchain's, or Maven's own when that is 21+): writes that JDK's {@code java} to a
 * properties file as {@code flags2.pit.jvm}. PIT's Maven plugin knows no toolchains and would
 * otherwise start its test JVMs on Maven's own Java, perhaps an older one that cannot load the
 * classes.
 */
public final class JavaPath {
  private JavaPath() {}

  /** {@code args[0]}: the properties file to write. */
  public static void main(String[] args) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path file = Path.of(args[0]);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "flags2.pit.jvm=" + java.toString().replace("\\", "\\\\") + "\n");
  }
}
