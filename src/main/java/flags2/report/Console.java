package flags2.report;

import java.io.PrintStream;

/**
 * Where a run's words go: the report on {@code out}; notes, errors and the progress bar on {@code
 * err}. Injected, so tests capture both and decide whether stderr is a terminal.
 *
 * @param errIsTerminal whether stderr is a terminal (decides the progress bar)
 * @param columns the terminal's width, for the progress bar
 */
public record Console(PrintStream out, PrintStream err, boolean errIsTerminal, int columns) {}
