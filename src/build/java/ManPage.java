import flags2.cli.Cli;
import flags2.cli.Env;
import flags2.download.Interrupt;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Build-time tool, in neither the jar nor the tests: writes the AsciiDoc sources of the man pages
 * of flags2 and each subcommand (picocli-codegen), which the build turns into troff under {@code
 * target/man}. Maven runs this file as a source-file program (no compile step) on a JDK 21+ (the
 * toolchain's, or Maven's own), with the main classes, their dependencies and picocli-codegen on
 * the class path. It lives in no package: a source-file program is loaded apart from the classes it
 * uses, so it reaches them through their public API only.
 *
 * <p>picocli's generator knows only picocli's own help sections; the sections flags2 adds to {@code
 * --help} (Examples, JSON output, Files, See also, ...) are appended here as man page sections of
 * their own, and the colon of the exit status heading is dropped.
 */
public final class ManPage {
  private ManPage() {}

  /** {@code args[0]}: the directory for the {@code .adoc} files. */
  public static void main(String[] args) throws IOException {
    File dir = new File(args[0]);
    CommandLine root = Cli.commandLine(Env.system(Interrupt.none()));
    int status =
        ManPageGenerator.generateManPage(dir, null, new boolean[0], true, root.getCommandSpec());
    if (status != 0) {
      throw new IOException("picocli's man page generator returned " + status + " for " + dir);
    }
    for (CommandLine command : commands(root)) {
      CommandSpec spec = command.getCommandSpec();
      Path page = dir.toPath().resolve(spec.qualifiedName("-") + ".adoc");
      if (Files.isRegularFile(page)) {
        Files.writeString(page, withOwnSections(Files.readString(page), command));
      }
    }
  }

  private static List<CommandLine> commands(CommandLine root) {
    List<CommandLine> all = new ArrayList<>(List.of(root));
    root.getSubcommands().values().forEach(sub -> all.addAll(commands(sub)));
    return all;
  }

  /** {@code adoc} with the command's own help sections added at its end. */
  private static String withOwnSections(String adoc, CommandLine command) {
    UsageMessageSpec usage = command.getCommandSpec().usageMessage();
    List<String> picocli = new UsageMessageSpec().sectionKeys();
    StringBuilder sections = new StringBuilder();
    for (String key : usage.sectionKeys()) {
      if (picocli.contains(key)) {
        continue;
      }
      List<String> lines =
          usage.sectionMap().get(key).render(command.getHelp()).strip().lines().toList();
      String heading = lines.getFirst().replaceAll(":$", "");
      sections.append("== ").append(heading).append("\n\n....\n");
      for (String line : lines.subList(1, lines.size())) {
        sections.append(line.replaceFirst("^  ", "")).append('\n');
      }
      sections.append("....\n\n");
    }
    String end = "// end::picocli-generated-full-manpage[]";
    return adoc.replaceAll("(?m)^==(.*):$", "==$1").replace(end, sections + end);
  }
}
