/**
 * What a run tells its user: the {@link flags2.report.Report} interface, the book's text report
 * with its progress bar ({@link flags2.report.TextReport}) and the {@code --json} object ({@link
 * flags2.report.JsonReport}), the {@link flags2.report.StatusCounter} that one consumer thread
 * owns, and the {@link flags2.report.ExitStatus} a run ends with. Reads results; imports neither
 * the download nor the command-line package.
 */
package flags2.report;
