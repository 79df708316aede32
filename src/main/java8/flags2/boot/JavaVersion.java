package flags2.boot;

/**
 * Whether the running Java is new enough for flags2, and what to tell the user when it is not.
 * Compiled for Java 8 with {@link JarMain}, so it may use nothing newer.
 */
final class JavaVersion {
  /** The oldest Java flags2 runs on: its classes are compiled for this release. */
  static final int MIN_JAVA = 21;

  private JavaVersion() {}

  /**
   * What to tell the user when {@code specVersion} (the {@code java.specification.version}
   * property: "17", or "1.8" up to Java 8) is older than {@link #MIN_JAVA}, naming the Java at
   * {@code javaHome}; null when it is new enough, or not a version at all, 0 included (the JVM then
   * says what it thinks).
   */
  static String tooOld(String specVersion, String javaHome) {
    int major = major(specVersion);
    if (major < 1 || major >= MIN_JAVA) {
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
    try {
      return Integer.parseInt(version.split("\\.", 2)[0]);
    } catch (NumberFormatException notANumber) {
      return -1;
    }
  }
}
