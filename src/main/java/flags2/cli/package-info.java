/**
 * The command line, with picocli: one class per command ({@link flags2.cli.DownloadCommand}, the
 * root, and {@link flags2.cli.ServeCommand}, {@link flags2.cli.BenchCommand}, {@link
 * flags2.cli.CompletionCommand}), each declaring its options in help order through {@link
 * flags2.cli.Declaration} and reading them back typed ({@link flags2.cli.Opt}); {@link
 * flags2.cli.Cli} assembles them with the usage-error handling; {@link flags2.cli.Env} is what they
 * take from the process, {@link flags2.cli.StopSignals} which signals stop them. Commands check
 * their options and hand over to the other packages; the only package that imports picocli, and
 * none imports it.
 */
package flags2.cli;
