package flags2.cli;

import flags2.common.Site;
import flags2.serve.Delay;
import flags2.serve.TestServers;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.OptionalLong;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code serve}'s options for what the servers do: address, ports, delays, errors, seed, content
 * and ready file. Values are checked only when {@link #config()} is asked, so a bad one is a usage
 * error of the command, not of the parse.
 */
final class ServeOptions {
  private final Opt<String> bind;
  private final Opt<int[]> ports;
  private final Opt<String> delay;
  private final Opt<Double> errorRate;
  private final Opt<Double> errorDelayShare;
  private final Opt<Integer> errorStatus;
  private final Opt<String> seed;
  private final Opt<Path> dir;
  private final Opt<Path> readyFile;

  ServeOptions(Declaration command) {
    bind =
        command.option(
            String.class,
            OptionSpec.builder("--bind")
                .paramLabel("ADDR")
                .defaultValue("127.0.0.1")
                .description("Address to listen on (default: ${DEFAULT-VALUE})."));
    ports =
        command.option(
            int[].class,
            OptionSpec.builder("--ports")
                .paramLabel("L,D,E")
                .hideParamSyntax(true)
                .splitRegex(",")
                .defaultValue("8001,8002,8003")
                .description(
                    "Ports of LOCAL, DELAY and ERROR; 0 picks a free one (default:"
                        + " ${DEFAULT-VALUE})."));
    delay =
        command.option(
            String.class,
            OptionSpec.builder("--delay")
                .paramLabel("S|MIN-MAX")
                .defaultValue("0.5")
                .description("Delay in seconds, fixed or a range (default: ${DEFAULT-VALUE})."));
    errorRate =
        command.option(
            double.class,
            OptionSpec.builder("--error-rate")
                .paramLabel("P")
                .defaultValue("0.25")
                .description(
                    "Share of ERROR-server requests failed with --error-status (default:"
                        + " ${DEFAULT-VALUE})."));
    errorDelayShare =
        command.option(
            double.class,
            OptionSpec.builder("--error-delay-share")
                .paramLabel("P")
                .defaultValue("0.5")
                .description(
                    "Share of ERROR-server responses delayed (default: ${DEFAULT-VALUE})."));
    errorStatus =
        command.option(
            int.class,
            OptionSpec.builder("--error-status")
                .paramLabel("CODE")
                .defaultValue("418")
                .description(
                    "What ERROR answers when it fails a request: 418 (never retried) or e.g. 503,"
                        + " sent with Retry-After: 1 (default: ${DEFAULT-VALUE})."));
    seed =
        command.option(
            String.class,
            OptionSpec.builder("--seed")
                .paramLabel("N|random")
                .defaultValue("0")
                .description(
                    "Makes every choice a function of seed and code; 'random' draws afresh per"
                        + " request (default: ${DEFAULT-VALUE})."));
    dir =
        command.option(
            Path.class,
            OptionSpec.builder("--dir")
                .paramLabel("DIR")
                .description(
                    "Serve DIR/flags/{cc}/{cc}.gif (the book's flags.zip) or DIR/{cc}.gif instead"
                        + " of generated images."));
    readyFile =
        command.option(
            Path.class,
            OptionSpec.builder("--ready-file")
                .paramLabel("FILE")
                .description(
                    "Also write the ready lines to FILE, all at once when every server listens;"
                        + " deleted when the servers stop."));
  }

  /** {@code --dir}, or null for the generated images. */
  Path dir() {
    return dir.get();
  }

  /** {@code --seed} as given: a number or {@code random}. */
  String seed() {
    return seed.get();
  }

  /** {@code --ready-file}, or null. */
  Path readyFile() {
    return readyFile.get();
  }

  /** The servers' config from the parsed values; throws IllegalArgumentException for bad ones. */
  TestServers.Config config() {
    int[] ports = this.ports.get();
    double errorRate = this.errorRate.get();
    double delayShare = errorDelayShare.get();
    Path dir = this.dir.get();
    String seed = this.seed.get();
    String bind = this.bind.get();
    if (ports.length != 3 || Arrays.stream(ports).anyMatch(p -> p < 0 || p > 65535)) {
      throw new IllegalArgumentException("--ports takes three ports, L,D,E, each 0 to 65535.");
    }
    if (!(errorRate >= 0 && errorRate <= 1) || !(delayShare >= 0 && delayShare <= 1)) {
      throw new IllegalArgumentException("--error-rate and --error-delay-share must be 0 to 1.");
    }
    if (readyFile.get() != null && Files.isDirectory(readyFile.get())) {
      throw new IllegalArgumentException(
          "--ready-file must name a file, not the directory '" + readyFile.get() + "'.");
    }
    if (dir != null && !Files.isDirectory(dir)) {
      throw new IllegalArgumentException("--dir must be a directory: '" + dir + "'.");
    }
    OptionalLong seedValue;
    try {
      seedValue =
          seed.equalsIgnoreCase("random")
              ? OptionalLong.empty()
              : OptionalLong.of(Long.parseLong(seed));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--seed takes a whole number or 'random', not '" + seed + "'.");
    }
    InetAddress address;
    try {
      address = InetAddress.getByName(bind);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("--bind: unknown address '" + bind + "'.");
    }
    return new TestServers.Config(
        address,
        Map.of(Site.LOCAL, ports[0], Site.DELAY, ports[1], Site.ERROR, ports[2]),
        Delay.parse(delay.get()),
        errorRate,
        delayShare,
        errorStatus.get(),
        seedValue,
        dir);
  }
}
