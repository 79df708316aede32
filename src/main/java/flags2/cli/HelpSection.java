package flags2.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * A titled block that {@code --help} prints after the options and commands (Examples, JSON output,
 * Files, See also), and that the man pages show as a section of their own: an installed tool has no
 * README. Lines are printed as written, indented two spaces in help and seven in a man page, so
 * they are at most {@link #MAX_WIDTH} wide.
 */
record HelpSection(String heading, List<String> lines) {
  /** The widest line: 72 columns, plus a man page's indent of seven, fits 80. */
  static final int MAX_WIDTH = 72;

  HelpSection(String heading, String... lines) {
    this(heading, List.of(lines));
  }

  /** Adds {@code sections} to {@code spec}'s help, in order, before its footer. */
  static void install(CommandSpec spec, List<HelpSection> sections) {
    UsageMessageSpec usage = spec.usageMessage();
    List<String> keys = new ArrayList<>(usage.sectionKeys());
    int at = keys.indexOf(UsageMessageSpec.SECTION_KEY_FOOTER_HEADING);
    for (HelpSection section : sections) {
      String key = "flags2-" + section.heading();
      keys.add(at++, key);
      usage.sectionMap().put(key, help -> section.text());
    }
    usage.sectionKeys(keys);
  }

  /** As {@code --help} prints it: a blank line, the heading and a colon, the indented lines. */
  String text() {
    String nl = System.lineSeparator();
    StringBuilder text = new StringBuilder(nl).append(heading).append(':').append(nl);
    for (String line : lines) {
      text.append(line.isEmpty() ? "" : "  " + line).append(nl);
    }
    return text.toString();
  }
}
