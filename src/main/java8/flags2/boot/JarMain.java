package flags2.boot;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The jar's Main-Class: on Java 21 or newer it hands over to {@code flags2.Main}, the arguments
 * untouched and whatever it throws rethrown as it is; on an older Java it prints one line to stderr
 * and exits 1. Compiled for Java 8, so it may use nothing newer, and reaches {@code flags2.Main}
 * only by name.
 */
public final class JarMain {
  /** The oldest Java flags2 runs on: its classes are compiled for this release. */
  static final int MIN_JAVA = 21;

  private JarMain() {}

  public static void main(String[] args) throws Throwable {
    String tooOld =
        tooOld(System.getProperty("java.specification.version"), System.getProperty("java.home"));
    if (tooOld != null) {
      System.err.println(tooOld);
      System.exit(1);
    }
    MethodHandle main =
        MethodHandles.publicLookup()
            .findStatic(
                Class.forName("flags2.Main"),
                "main",
                MethodType.methodType(void.class, String[].class));
    main.invokeExact(args);
  }

  /**
   * What to tell the user when {@code specVersion} (the {@code java.specification.version}
   * property: "17", or "1.8" up to Java 8) is older than {@link #MIN_JAVA}, naming the Java at
   * {@code javaHome}; null when it is new enough, or not a version at all (the JVM then says what
   * it thinks).
   */
  static String tooOld(String specVersion, String javaHome) {
    int major = major(specVersion);
    if (major < 0 || major >= MIN_JAVA) {
      return null;
    }
    return "flags2 needs Java "
        + MIN_JAVA
        + " or newer; this is Java "
        + major
        + " ("
        + javaHome
        + ")";
  }

  /** The feature release in "17", "1.8" or "21.0.1"; -1 when there is none. */
  private static int major(String specVersion) {
    if (specVersion == null) {
      return -1;
    }
    String version = specVersion.startsWith("1.") ? specVersion.substring(2) : specVersion;
    int dot = version.indexOf('.');
    try {
      return Integer.parseInt(dot < 0 ? version : version.substring(0, dot));
    } catch (NumberFormatException notANumber) {
      return -1;
    }
  }
}
