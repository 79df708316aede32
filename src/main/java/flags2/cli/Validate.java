package flags2.cli;

import flags2.download.Proxies;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Checks that picocli's types cannot express, shared by the commands. Each failure is a {@link
 * ParameterException}, which {@link Cli} prints as one {@code *** Usage error:} line.
 */
final class Validate {
  private Validate() {}

  /** A usage error of {@code spec}'s command. */
  static ParameterException usage(CommandSpec spec, String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  /**
   * {@code --timeout} in seconds as a Duration; a usage error for anything outside [0.001, 3600]:
   * under 1 ms it would round to 0, which OkHttp reads as no timeout at all.
   */
  static Duration timeout(CommandSpec spec, Opt<Double> timeout) {
    double seconds = timeout.get();
    if (!(seconds >= 0.001 && seconds <= 3600)) {
      throw usage(spec, "--timeout must be 0.001 to 3600 seconds.");
    }
    return Duration.ofMillis(Math.round(seconds * 1000));
  }

  /**
   * The proxies the options and the environment set; a usage error for a malformed proxy URL,
   * naming the option or variable it came from.
   */
  static Proxies proxies(CommandSpec spec, Env env, Declaration.ProxyOptions options) {
    try {
      return Proxies.of(env.environment(), options.proxy().get(), options.noProxy().get());
    } catch (IllegalArgumentException e) {
      throw usage(spec, e.getMessage());
    }
  }

  /** The CC arguments given, or an empty list. */
  static List<String> codeArgs(Opt<List<String>> ccArgs) {
    List<String> given = ccArgs.get();
    return given == null ? List.of() : given;
  }
}
