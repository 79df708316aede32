package flags2.cli;

import flags2.report.ExitStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * A command being declared with picocli's programmatic API, one option per call, in the order
 * {@code --help} lists them; each call hands back the option's typed {@link Opt}. (Not picocli's
 * annotations: reading them costs about 100 ms at every start, a dynamic proxy class per annotation
 * type that no class-data cache keeps, and start-up is most of a short run.)
 */
final class Declaration {
  /** What -V prints; one for every command. */
  private static final Version VERSION = new Version();

  private final CommandSpec spec;

  private Declaration(CommandSpec spec) {
    this.spec = spec;
  }

  /** A command that runs {@code callable}, with its help texts. */
  static Declaration command(
      Callable<Integer> callable,
      String name,
      String synopsis,
      String header,
      String... description) {
    CommandSpec spec =
        CommandSpec.wrapWithoutInspection(callable).name(name).versionProvider(VERSION);
    spec.usageMessage()
        .customSynopsis(synopsis)
        .header(header)
        .synopsisHeading("%nUsage: ")
        .description(description)
        .descriptionHeading("%n")
        .parameterListHeading("%nArguments:%n")
        .optionListHeading("%nOptions:%n")
        .commandListHeading("%nCommands:%n")
        .sortOptions(false)
        .autoWidth(true);
    return new Declaration(spec);
  }

  /**
   * An option of {@code type}, otherwise built as {@code option} says. A primitive type ({@code
   * int.class}) for an option with a default; its wrapper ({@code Integer.class}) for one that may
   * be absent, read as null.
   */
  <T> Opt<T> option(Class<T> type, OptionSpec.Builder option) {
    return add(option.type(type));
  }

  /** An option holding a list of {@code element}s, otherwise built as {@code option} says. */
  <E> Opt<List<E>> list(Class<E> element, OptionSpec.Builder option) {
    return add(option.type(List.class).auxiliaryTypes(element));
  }

  /** An on/off option: false unless given. */
  Opt<Boolean> flag(String description, String... names) {
    return option(
        boolean.class, OptionSpec.builder(names).initialValue(false).description(description));
  }

  private <T> Opt<T> add(OptionSpec.Builder option) {
    OptionSpec built = option.build();
    spec.addOption(built);
    return new Opt<>(built);
  }

  /** The CC arguments; null when none are given. */
  Opt<List<String>> codes() {
    PositionalParamSpec codes =
        PositionalParamSpec.builder()
            .paramLabel("CC")
            .arity("0..*")
            .type(List.class)
            .auxiliaryTypes(String.class)
            .description("Country codes or initial letters.")
            .build();
    spec.addPositional(codes);
    return new Opt<>(codes);
  }

  /** {@code --timeout SECONDS}, read with {@link Validate#timeout}. */
  Opt<Double> timeout() {
    return option(
        double.class,
        OptionSpec.builder("--timeout")
            .paramLabel("SECONDS")
            .defaultValue("10")
            .description("Per-request timeout, 0.001 to 3600 (default: ${DEFAULT-VALUE})."));
  }

  /** {@code -x/--proxy URL} and {@code --noproxy LIST}, read with {@link Validate#proxies}. */
  ProxyOptions proxy() {
    return new ProxyOptions(
        option(
            String.class,
            OptionSpec.builder("-x", "--proxy")
                .paramLabel("URL")
                .description(
                    "Proxy (http://[user:pass@]host[:port]), over http_proxy, https_proxy and"
                        + " all_proxy.")),
        option(
            String.class,
            OptionSpec.builder("--noproxy")
                .paramLabel("LIST")
                .description(
                    "Hosts, domains, IPs or CIDR ranges reached directly, comma-separated; * for"
                        + " all (over no_proxy). Loopback never goes through a proxy.")));
  }

  /** The proxy options of a command. */
  record ProxyOptions(Opt<String> proxy, Opt<String> noProxy) {}

  /** One exit status of a command and what it means there. */
  record Exit(ExitStatus status, String meaning) {}

  static Exit exit(ExitStatus status, String meaning) {
    return new Exit(status, meaning);
  }

  /** The command's exit statuses, for its help, in the order given. */
  void exitStatus(Exit... exits) {
    Map<String, String> list = new LinkedHashMap<>();
    for (Exit exit : exits) {
      list.put(String.valueOf(exit.status().code), exit.meaning());
    }
    spec.usageMessage().exitCodeListHeading("%nExit status:%n").exitCodeList(list);
  }

  /**
   * Adds -h and -V, which every command lists last, and the help's own {@code sections} after the
   * options, and returns the finished command.
   */
  CommandSpec withHelpOptions(List<HelpSection> sections) {
    spec.addOption(
        OptionSpec.builder("-h", "--help")
            .usageHelp(true)
            .description("Show this help message and exit.")
            .build());
    spec.addOption(
        OptionSpec.builder("-V", "--version")
            .versionHelp(true)
            .description("Print version information and exit.")
            .build());
    HelpSection.install(spec, sections);
    return spec;
  }
}
