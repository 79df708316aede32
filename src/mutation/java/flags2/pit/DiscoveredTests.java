package flags2.pit;

import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.Filter;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.pitest.testapi.TestGroupConfig;
import org.pitest.testapi.TestUnit;
import org.pitest.testapi.TestUnitExecutionListener;
import org.pitest.testapi.TestUnitFinder;

/**
 * Lists a test class's units from JUnit's test plan: one per test method, and one per parameterized
 * (or other template) method with all its invocations, because JUnit knows the invocations only by
 * running the method. So PIT records coverage, and picks the tests to run against a mutant, per
 * method: a mutant covered by one invocation runs them all.
 */
final class DiscoveredTests implements TestUnitFinder {
  private final Launcher launcher = LauncherFactory.create();
  private final List<Filter<?>> tags = new ArrayList<>();

  DiscoveredTests(TestGroupConfig groups) {
    List<String> excluded = nonEmpty(groups.getExcludedGroups());
    if (!excluded.isEmpty()) {
      tags.add(TagFilter.excludeTags(excluded));
    }
    List<String> included = nonEmpty(groups.getIncludedGroups());
    if (!included.isEmpty()) {
      tags.add(TagFilter.includeTags(included));
    }
  }

  @Override
  public List<TestUnit> findTestUnits(Class<?> testClass, TestUnitExecutionListener unused) {
    if (testClass.getEnclosingClass() != null) {
      return List.of(); // JUnit discovers a nested class's tests with its outer class
    }
    TestPlan plan =
        launcher.discover(
            LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClass(testClass.getName()))
                .filters(tags.toArray(Filter[]::new))
                .build());
    List<TestUnit> units = new ArrayList<>();
    for (TestIdentifier root : plan.getRoots()) {
      for (TestIdentifier each : plan.getDescendants(root)) {
        if (isUnit(plan, each)) {
          units.add(new PlatformTestUnit(testClass, each.getUniqueId(), launcher));
        }
      }
    }
    return units;
  }

  /** A test, or a test method JUnit expands when it runs, but not a test inside such a method. */
  private static boolean isUnit(TestPlan plan, TestIdentifier id) {
    boolean method = id.getSource().filter(MethodSource.class::isInstance).isPresent();
    boolean inMethod =
        plan.getParent(id)
            .flatMap(TestIdentifier::getSource)
            .filter(MethodSource.class::isInstance)
            .isPresent();
    return !inMethod && (id.isTest() || (method && id.isContainer()));
  }

  private static List<String> nonEmpty(List<String> groups) {
    return groups.stream().filter(group -> !group.isEmpty()).toList();
  }
}
