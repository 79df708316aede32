package flags2.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** The open-file limit a run sizes its concurrency by says what the JDK's own MXBean says. */
class FileDescriptorsTest {
  @Test
  void limitAndOpenCountAgreeWithTheJdk() {
    OpenFileLimit.FileDescriptors files = OpenFileLimit.FileDescriptors.current().orElseThrow();
    UnixOperatingSystemMXBean os =
        (UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    assertEquals(os.getMaxFileDescriptorCount(), files.max());
    // other test threads may open or close a few files in between
    long jdkOpen = os.getOpenFileDescriptorCount();
    assertTrue(
        Math.abs(files.open() - jdkOpen) <= 16, files.open() + " open, the JDK says " + jdkOpen);
  }
}
