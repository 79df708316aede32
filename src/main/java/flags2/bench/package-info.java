/**
 * {@code flags2 bench}: every chosen strategy at every concurrency level, several runs each,
 * through the same {@link flags2.download.DownloadRun} a download uses, against {@code flags2
 * serve} in a child process ({@link flags2.bench.BenchServer}); a text table and an HTML report
 * ({@link flags2.bench.BenchReport}) with a chart ({@link flags2.bench.BenchChart}). {@link
 * flags2.bench.BenchJob} is the whole command once its options are read. Imports the download,
 * strategy, report, serve (for its delay) and common packages; never the command line.
 */
package flags2.bench;
