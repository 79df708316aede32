package flags2.cli;

import flags2.serve.ServerTls;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code serve}'s {@code --tls} and {@code --ca-file}. The CA is new on every start, so the file is
 * overwritten each time: a client must be given the file of the server it talks to.
 */
final class ServeTlsOptions {
  private final Opt<Boolean> tls;
  private final Opt<Path> caFile;

  ServeTlsOptions(Declaration command) {
    tls =
        command.flag(
            "Serve over HTTPS, with a certificate for localhost, 127.0.0.1 and ::1 from a private"
                + " CA made at start-up.",
            "--tls");
    caFile =
        command.option(
            Path.class,
            OptionSpec.builder("--ca-file")
                .paramLabel("FILE")
                .defaultValue("flags2-serve-ca.pem")
                .description(
                    "With --tls, where the CA certificate is written as PEM, for the client's"
                        + " --cacert (default: ${DEFAULT-VALUE})."));
  }

  /**
   * Without {@code --tls}, null; with it, a fresh CA and certificate, the CA written to {@code
   * --ca-file}.
   *
   * @throws IOException naming the file when it cannot be written
   */
  ServerTls start() throws IOException {
    if (!tls.get()) {
      return null;
    }
    ServerTls serverTls = ServerTls.create();
    try {
      serverTls.writeCa(caFile.get());
    } catch (IOException e) {
      String why =
          e instanceof NoSuchFileException
              ? "no such directory"
              : e instanceof AccessDeniedException ? "permission denied" : e.getMessage();
      throw new IOException("cannot write --ca-file '" + caFile.get() + "': " + why, e);
    }
    return serverTls;
  }

  /** The line printed after the ready lines, {@code CA: FILE}; null without {@code --tls}. */
  String caLine() {
    return tls.get() ? "CA: " + caFile.get() : null;
  }
}
