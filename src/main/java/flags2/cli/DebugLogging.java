package flags2.cli;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * {@code --debug}: flags2's loggers at debug, and OkHttp's own {@code java.util.logging} records
 * bridged to slf4j, so every line has one format; OkHttp's task-queue housekeeping (a few lines per
 * request) is left out. Must be enabled before the first slf4j logger is made.
 */
final class DebugLogging {
  private static final Logger OKHTTP_LOGGER = Logger.getLogger("okhttp3");
  private static final Logger TASK_RUNNER_LOGGER =
      Logger.getLogger("okhttp3.internal.concurrent.TaskRunner");

  private DebugLogging() {}

  static void enable() {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
    OKHTTP_LOGGER.setUseParentHandlers(false);
    OKHTTP_LOGGER.addHandler(new SLF4JBridgeHandler());
    OKHTTP_LOGGER.setLevel(Level.FINE);
    TASK_RUNNER_LOGGER.setLevel(Level.INFO);
  }
}
