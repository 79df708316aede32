package flags2.pit;

import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.pitest.testapi.AbstractTestUnit;
import org.pitest.testapi.Description;
import org.pitest.testapi.ResultCollector;

/**
 * One test method (with all its invocations, if parameterized) that PIT runs on its own, by its
 * JUnit unique id. A failed class set-up counts as a failure, and an aborted test (a failed
 * assumption) as a pass, as pitest-junit5-plugin counts them.
 */
final class PlatformTestUnit extends AbstractTestUnit {
  private final Class<?> testClass;
  private final String uniqueId;
  private final Launcher launcher;

  /** {@code launcher}: the one that discovered it, shared by the class's units (never at once). */
  PlatformTestUnit(Class<?> testClass, String uniqueId, Launcher launcher) {
    super(new Description(uniqueId, testClass));
    this.testClass = testClass;
    this.uniqueId = uniqueId;
    this.launcher = launcher;
  }

  @Override
  public void execute(ResultCollector results) {
    launcher.execute(
        LauncherDiscoveryRequestBuilder.request()
            .selectors(DiscoverySelectors.selectUniqueId(uniqueId))
            .build(),
        new Reporting(results));
  }

  private final class Reporting implements TestExecutionListener {
    private final ResultCollector results;

    Reporting(ResultCollector results) {
      this.results = results;
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
      if (id.isTest()) {
        results.notifySkipped(describe(id));
      }
    }

    @Override
    public void executionStarted(TestIdentifier id) {
      if (id.isTest()) {
        results.notifyStart(describe(id));
      }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
      var failure =
          result.getStatus() == TestExecutionResult.Status.ABORTED
              ? Optional.<Throwable>empty()
              : result.getThrowable();
      if (failure.isPresent()) {
        results.notifyEnd(describe(id), failure.get());
      } else if (id.isTest()) {
        results.notifyEnd(describe(id));
      }
    }

    private Description describe(TestIdentifier id) {
      return new Description(id.getUniqueId(), testClass);
    }
  }

  @Override
  public String toString() {
    return "PlatformTestUnit[" + uniqueId + "]";
  }
}
