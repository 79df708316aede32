package flags2.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * {@code --debug} for one run: flags2's loggers (which log through {@link System.Logger}, so
 * through {@code java.util.logging}) and OkHttp's own at FINE, written to the run's stderr in one
 * format, {@code DEBUG RequestLog - GET ... -> 200, ...}; OkHttp's task-queue housekeeping (a few
 * lines per request) is left out. Closing puts every logger back as it was: a later run in the same
 * JVM (the tests run many) logs only what it asks for, and only to its own stderr.
 */
final class DebugLogging implements AutoCloseable {
  /** The loggers changed, held so that the log manager keeps them (and their settings). */
  private final List<Logger> loggers =
      List.of(
          Logger.getLogger("flags2"),
          Logger.getLogger("okhttp3"),
          Logger.getLogger("okhttp3.internal.concurrent.TaskRunner"));

  private final List<Level> levels = loggers.stream().map(Logger::getLevel).toList();
  private final List<Boolean> useParents =
      loggers.stream().map(Logger::getUseParentHandlers).toList();
  private final Handler handler;

  private DebugLogging(PrintStream err) {
    handler = new StreamHandler(err);
    for (Logger logger : loggers.subList(0, 2)) {
      logger.setLevel(Level.FINE);
      logger.setUseParentHandlers(false);
      logger.addHandler(handler);
    }
    loggers.get(2).setLevel(Level.INFO);
  }

  /** Debug logging to {@code err} until closed. */
  static DebugLogging to(PrintStream err) {
    return new DebugLogging(err);
  }

  @Override
  public void close() {
    for (int i = 0; i < loggers.size(); i++) {
      Logger logger = loggers.get(i);
      logger.removeHandler(handler);
      logger.setLevel(levels.get(i));
      logger.setUseParentHandlers(useParents.get(i));
    }
  }

  /** {@code LEVEL Name - message}, the format the README shows. */
  private static final class StreamHandler extends Handler {
    private final PrintStream err;
    private final SimpleFormatter messages = new SimpleFormatter();

    StreamHandler(PrintStream err) {
      this.err = err;
      setLevel(Level.ALL);
    }

    @Override
    public void publish(LogRecord record) {
      if (!isLoggable(record)) {
        return;
      }
      String name = record.getLoggerName() == null ? "" : record.getLoggerName();
      String line =
          level(record.getLevel())
              + " "
              + name.substring(name.lastIndexOf('.') + 1)
              + " - "
              + messages.formatMessage(record);
      synchronized (err) {
        err.println(line);
        if (record.getThrown() != null) {
          record.getThrown().printStackTrace(err);
        }
      }
    }

    private static String level(Level level) {
      int value = level.intValue();
      return value >= Level.SEVERE.intValue()
          ? "ERROR"
          : value >= Level.WARNING.intValue()
              ? "WARN"
              : value >= Level.INFO.intValue()
                  ? "INFO"
                  : value >= Level.FINE.intValue() ? "DEBUG" : "TRACE";
    }

    @Override
    public void flush() {
      err.flush();
    }

    @Override
    public void close() {
      flush();
    }
  }
}
