package flags2.cli;

import static flags2.cli.Validate.usage;

import flags2.download.HttpVersion;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The download command's {@code --http1.1} and {@code --http2-prior-knowledge}, named as curl's.
 * Unlike curl, where the last one given wins, the two together are a usage error: each says what
 * the other forbids.
 */
final class HttpVersionOptions {
  private final Opt<Boolean> http11;
  private final Opt<Boolean> priorKnowledge;

  HttpVersionOptions(Declaration command) {
    http11 =
        command.flag(
            "Speak HTTP/1.1 only, even to an HTTP/2 server: one connection per request in"
                + " flight.",
            "--http1.1");
    priorKnowledge =
        command.flag(
            "Speak HTTP/2 at once to an http:// server (h2c); https still negotiates.",
            "--http2-prior-knowledge");
  }

  /** The version the options ask for; a usage error for both. */
  HttpVersion version(CommandSpec spec) {
    if (http11.get() && priorKnowledge.get()) {
      throw usage(spec, "--http1.1 and --http2-prior-knowledge cannot be used together.");
    }
    if (http11.get()) {
      return HttpVersion.HTTP_1_1;
    }
    return priorKnowledge.get() ? HttpVersion.H2_PRIOR_KNOWLEDGE : HttpVersion.NEGOTIATED;
  }
}
