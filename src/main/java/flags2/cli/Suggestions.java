package flags2.cli;

import flags2.common.Codes;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * "Did you mean ...?" for a mistyped command or option: a name counts as meant when the typed word
 * is at most one edit (a letter added, dropped, changed, or two swapped) per three letters away
 * from it. For options, picocli's own suggestions (names sharing the first two letters) come first.
 */
final class Suggestions {
  private Suggestions() {}

  /**
   * {@code unknown command 'sevre'; did you mean 'serve'?} when the first word given to {@code
   * root} is no country code and resembles one of its commands.
   */
  static Optional<String> commandTypo(CommandLine root, List<String> args) {
    if (args.isEmpty() || args.getFirst().startsWith("-") || Codes.isArgument(args.getFirst())) {
      return Optional.empty();
    }
    String word = args.getFirst();
    if (root.getSubcommands().containsKey(word)) { // a command, typed right: 'help sevre'?
      return word.equals("help")
          ? commandTypo(root, args.subList(1, args.size()))
          : Optional.empty();
    }
    return closest(word, root.getSubcommands().keySet().stream())
        .map(command -> "unknown command '" + word + "'; did you mean '" + command + "'?");
  }

  /** The names to suggest for an unknown option or subcommand, best first; may be empty. */
  static List<String> forUnmatched(UnmatchedArgumentException e) {
    List<String> picocli = e.getSuggestions();
    if (!picocli.isEmpty() || e.getUnmatched().isEmpty()) {
      return picocli;
    }
    String word = e.getUnmatched().getFirst().split("=", 2)[0];
    Stream<String> names =
        e.getCommandLine().getCommandSpec().options().stream()
            .flatMap(option -> Stream.of(((OptionSpec) option).names()));
    return closest(word, names).stream().toList();
  }

  private static Optional<String> closest(String word, Stream<String> names) {
    String typed = word.toLowerCase(Locale.ROOT);
    int allowed = Math.max(1, typed.replaceFirst("^-+", "").length() / 3);
    return names
        .filter(name -> editDistance(typed, name) <= allowed)
        .min(Comparator.comparingInt(name -> editDistance(typed, name)));
  }

  /** Edits (insert, delete, replace, swap adjacent) from {@code a} to {@code b}. */
  static int editDistance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      for (int j = 0; j <= b.length(); j++) {
        if (i == 0 || j == 0) {
          d[i][j] = i + j;
          continue;
        }
        int change = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + change);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  /** {@code 'a'}, {@code 'a' or 'b'}, {@code 'a', 'b' or 'c'}. */
  static String quotedChoice(List<String> names) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < names.size(); i++) {
      if (i > 0) {
        text.append(i == names.size() - 1 ? " or " : ", ");
      }
      text.append('\'').append(names.get(i)).append('\'');
    }
    return text.toString();
  }
}
