package flags2.cli;

import flags2.download.Interrupt;
import java.io.File;
import java.io.IOException;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Build-time tool, not part of the jar: writes the AsciiDoc sources of the man pages of flags2 and
 * each subcommand (picocli-codegen), which the build turns into troff under {@code target/man}.
 * Maven runs it in the package phase on the toolchain JDK.
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
