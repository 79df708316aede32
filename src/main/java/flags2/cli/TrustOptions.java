package flags2.cli;

import static flags2.cli.Validate.usage;

import flags2.download.Trust;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The download command's {@code --cacert} and {@code -k, --insecure}, read as curl reads them:
 * {@code SSL_CERT_FILE} stands in for an absent {@code --cacert}, and {@code --insecure} wins over
 * both (nothing is checked, so no file is read). The file's certificates are parsed here only for
 * an https run; an http run parses them only if a redirect leads to https.
 */
final class TrustOptions {
  static final String SSL_CERT_FILE = "SSL_CERT_FILE";

  private final Opt<Path> cacert;
  private final Opt<Boolean> insecure;

  TrustOptions(Declaration command) {
    cacert =
        command.option(
            Path.class,
            OptionSpec.builder("--cacert")
                .paramLabel("FILE")
                .description(
                    "Trust exactly the CA certificates in this PEM file (default: $"
                        + SSL_CERT_FILE
                        + ", else the JDK's)."));
    insecure =
        command.flag(
            "No certificate or host name check (a warning on stderr).", "-k", "--insecure");
  }

  /**
   * The trust the options ask for; a usage error for a missing, unreadable or non-PEM file, and for
   * an https run ({@code https}) a file with a certificate that is not valid.
   */
  Trust trust(Env env, CommandSpec spec, boolean https) {
    if (insecure.get()) {
      return Trust.insecure();
    }
    if (cacert.get() != null) {
      return caFile(cacert.get(), "--cacert", spec, https);
    }
    String variable = env.environment().get(SSL_CERT_FILE);
    if (variable != null && !variable.isEmpty()) {
      return caFile(Path.of(variable), SSL_CERT_FILE, spec, https);
    }
    return Trust.jdk();
  }

  private static Trust caFile(Path file, String source, CommandSpec spec, boolean https) {
    try {
      Trust trust = Trust.caFile(file, source);
      return https ? trust.verify() : trust;
    } catch (IllegalArgumentException e) {
      throw usage(spec, e.getMessage());
    }
  }
}
