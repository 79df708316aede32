import flags2.cli.Cli;
import flags2.cli.Env;
import flags2.download.Interrupt;
import java.io.File;
import java.io.IOException;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Build-time tool, in neither the jar nor the tests: writes the AsciiDoc sources of the man pages
 * of flags2 and each subcommand (picocli-codegen), which the build turns into troff under {@code
 * target/man}. Maven runs this file as a source-file program (no compile step) on a JDK 21+ (the
 * toolchain's, or Maven's own), with the main classes, their dependencies and picocli-codegen on
 * the class path. It lives in no package: a source-file program is loaded apart from the classes it
 * uses, so it reaches them through their public API only.
 */
public final class ManPage {
  private ManPage() {}

  /** {@code args[0]}: the directory for the {@code .adoc} files. */
  public static void main(String[] args) throws IOException {
    File dir = new File(args[0]);
    int status =
        ManPageGenerator.generateManPage(
            dir,
            null,
            new boolean[0],
            true,
            Cli.commandLine(Env.system(Interrupt.none())).getCommandSpec());
    if (status != 0) {
      throw new IOException("picocli's man page generator returned " + status + " for " + dir);
    }
  }
}
