package flags2.pit;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.pitest.classinfo.ClassByteArraySource;
import org.pitest.help.PitHelpError;
import org.pitest.testapi.Configuration;
import org.pitest.testapi.TestGroupConfig;
import org.pitest.testapi.TestPluginFactory;
import org.pitest.testapi.TestSuiteFinder;
import org.pitest.testapi.TestUnitFinder;

/**
 * The plugin PIT's minions load from the test class path (its service file is in {@code
 * src/mutation/resources}). It takes precedence over pitest-junit5-plugin, which stays installed so
 * that PIT does not warn that JUnit 5 has no plugin, and finds nothing itself.
 *
 * <p>Test tags ({@code excludedGroups}, {@code includedGroups}) are honoured; PIT's {@code
 * includedTestMethods} is not, because the build never sets it.
 */
public final class DiscoveryOnlyPlugin implements TestPluginFactory {

  @Override
  public Configuration createTestFrameworkConfiguration(
      TestGroupConfig groups,
      ClassByteArraySource source,
      Collection<String> excludedRunners,
      Collection<String> includedTestMethods) {
    return new Configuration() {
      @Override
      public int priority() {
        return DEFAULT_PRIORITY - 1;
      }

      @Override
      public TestUnitFinder testUnitFinder() {
        return new DiscoveredTests(groups);
      }

      @Override
      public TestSuiteFinder testSuiteFinder() {
        return testClass -> List.of();
      }

      @Override
      public Optional<PitHelpError> verifyEnvironment() {
        return Optional.empty();
      }
    };
  }

  @Override
  public String name() {
    return "flags2-junit-discovery";
  }

  @Override
  public String description() {
    return "JUnit Platform tests found by discovery, not by running them";
  }
}
