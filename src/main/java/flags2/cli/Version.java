package flags2.cli;

import picocli.CommandLine.IVersionProvider;

/**
 * What {@code -V, --version} prints, for bug reports: flags2's version, which the build writes into
 * the jar's manifest from the pom (run from class folders, as the tests do, there is none: {@code
 * (development build)}); the Java runtime and where it lives (the launchers pick one of several);
 * and the OS. Asked only when the option is given.
 */
final class Version implements IVersionProvider {
  @Override
  public String[] getVersion() {
    // String.join, not + or String.format: the start-up cache is trained on a download, which never
    // asks for the version, so a concatenation here would be linked afresh at every -V (and
    // String.format loads a class the cache does not hold)
    String version = Version.class.getPackage().getImplementationVersion();
    return new String[] {
      String.join(" ", "flags2", version == null ? "(development build)" : version),
      String.join(
          "",
          "Java ",
          System.getProperty("java.runtime.version"),
          " (",
          System.getProperty("java.vendor"),
          "), ",
          System.getProperty("java.home")),
      String.join(
          " ",
          System.getProperty("os.name"),
          System.getProperty("os.version"),
          System.getProperty("os.arch"))
    };
  }
}
