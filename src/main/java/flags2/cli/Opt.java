package flags2.cli;

import picocli.CommandLine.Model.ArgSpec;

/**
 * A declared option or positional parameter, read back with its type once the command line is
 * parsed: what an annotated field is in picocli's annotation API. {@link Declaration} sets the
 * option's type from the same class that fixes {@code T}, so the two cannot disagree and a command
 * never reads an untyped value.
 */
final class Opt<T> {
  private final ArgSpec spec;

  Opt(ArgSpec spec) {
    this.spec = spec;
  }

  /** The parsed value, the default when not given, or null when there is neither. */
  T get() {
    return spec.getValue();
  }
}
