package flags2.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The jar's entry point lets Java 21 and newer through and tells an older Java what it needs. */
class JavaVersionTest {
  @Test
  void asksForTheJavaThatFlags2IsCompiledFor() throws IOException {
    try (InputStream in = JavaVersionTest.class.getResourceAsStream("/flags2/Main.class");
        DataInputStream classFile = new DataInputStream(in)) {
      classFile.readInt(); // magic
      classFile.readUnsignedShort(); // minor version
      int release = classFile.readUnsignedShort() - 44; // class file version 65 is Java 21
      assertEquals(release, JavaVersion.MIN_JAVA);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"21", "22", "25", "30", "21.0.1"})
  void java21AndNewerAreLetThrough(String specVersion) {
    assertNull(JavaVersion.tooOld(specVersion, "/opt/jdk"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"9", "11", "17", "20"})
  void anOlderJavaIsToldWhatFlags2NeedsAndWhichJavaItIs(String specVersion) {
    assertEquals(
        "flags2 needs Java 21 or newer; this is Java " + specVersion + " (/usr/lib/jvm/old)",
        JavaVersion.tooOld(specVersion, "/usr/lib/jvm/old"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.8", "1.7", "1.6", "1.1"})
  void java8AndOlderAreNamedAsJavaNotOneDotN(String specVersion) {
    assertEquals(
        "flags2 needs Java 21 or newer; this is Java "
            + specVersion.substring(2)
            + " (/usr/lib/jvm/java-8)",
        JavaVersion.tooOld(specVersion, "/usr/lib/jvm/java-8"));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"abc", "-1", "0", "1.x", ".21"})
  void aVersionThatIsNoNumberIsLeftToTheJvmToJudge(String specVersion) {
    assertNull(JavaVersion.tooOld(specVersion, "/opt/jdk"));
  }
}
