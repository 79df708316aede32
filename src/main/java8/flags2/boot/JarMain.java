package flags2.boot;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The jar's Main-Class: on Java 21 or newer it hands over to {@code flags2.Main}, the arguments
 * untouched and whatever it throws rethrown as it is; on an older Java it prints one line to stderr
 * and exits 1. Compiled for Java 8, so it may use nothing newer, and reaches {@code flags2.Main}
 * only by name. Wiring only, run by the tests that start {@code java -jar} ({@link JavaVersion}
 * decides), so the mutation profile leaves it out.
 */
public final class JarMain {
  private JarMain() {}

  public static void main(String[] args) throws Throwable {
    String tooOld =
        JavaVersion.tooOld(
            System.getProperty("java.specification.version"), System.getProperty("java.home"));
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
}
