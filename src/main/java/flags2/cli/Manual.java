package flags2.cli;

import java.util.List;

/**
 * The words of {@code --help} after the options, per command: examples, the JSON fields, files and
 * pointers elsewhere. Kept here, apart from the option declarations, so each command class stays
 * about its options; the man pages show the same sections. Lines are at most {@link
 * HelpSection#MAX_WIDTH} wide, so that they fit 80 columns in a man page too, and every example is
 * a command line that parses ({@code ManualTest}).
 */
final class Manual {
  private Manual() {}

  static List<HelpSection> download() {
    return List.of(
        new HelpSection(
            "Examples",
            "flags2 -s DELAY a b c       78 codes (AA to CZ) from the DELAY server",
            "flags2 -s DELAY -t sequential a b c   the same, one at a time",
            "flags2 -a -l 10             the first 10 of the 194 known codes",
            "flags2 -e -s ERROR -v       all 676 codes against the faulty server",
            "flags2 -s ERROR -a --json | jq '{ok, not_found, error}'",
            "flags2 -s DELAY -t async a --timeline t.html   every request, drawn",
            "flags2 -s https://example.org/flags br cn   any {cc}/{cc}.gif server",
            "flags2 -s DELAY --country-names -t async a b c   two requests per code"),
        new HelpSection(
            "JSON output",
            "With --json, one object on stdout, one line: schema_version (1), site,",
            "url, strategy, concurrency, protocol (http/1.1, h2 or mixed: what the",
            "requests went over; null if none was sent), connections (set up during",
            "the run), requested, ok, not_found, error, not_attempted (the four add",
            "up to requested), elapsed_seconds, exit_status, and results: one object",
            "per requested code, sorted, with code, outcome (ok, not_found, error,",
            "not_attempted), http_status (null: no response), bytes (saved), millis,",
            "error (message or null), attempts, start_ms (since the downloads",
            "started) and file (the image saved, or null). Usage and destination",
            "errors (exit 2, 3) print no JSON. With -v the per-code lines go to",
            "stderr."),
        new HelpSection(
            "Files",
            "DEST/{cc}.gif          images saved, lower-case code (DEST: --dest)",
            "DEST/{Name}.gif        with --country-names: the name from metadata.json",
            "DEST/.{cc}.gif.*.part  an image being written; renamed into place",
            "                       when complete, removed after a failure or Ctrl-C"),
        new HelpSection("Shell completion", "bash, zsh: source <(flags2 generate-completion)"),
        new HelpSection(
            "See also",
            "flags2 serve --help, flags2 bench --help; man flags2-serve flags2-bench",
            "Fluent Python (Luciano Ramalho): chapters 17-18 of the 1st edition,",
            "20-21 of the 2nd, whose flags2 examples this tool rebuilds."));
  }

  static List<HelpSection> serve() {
    return List.of(
        new HelpSection(
            "Ready lines",
            "One per server on stdout once it listens, 'LABEL ready: URL', e.g.",
            "DELAY ready: http://127.0.0.1:8002/flags; --ready-file writes the same",
            "lines to a file, all at once. A taken port is one error line, exit 1."),
        new HelpSection(
            "Examples",
            "flags2 serve                    LOCAL :8001, DELAY :8002, ERROR :8003",
            "flags2 serve --delay 0.5-5 --seed random",
            "flags2 serve --error-status 503 --seed random   retries can succeed",
            "flags2 serve --ports 0,0,0 --ready-file /tmp/ready   free ports, for CI",
            "flags2 serve --dir ~/flags      the book's flags.zip, unzipped"),
        new HelpSection(
            "See also", "flags2 --help (the client: flags2 -s DELAY a b c), flags2 bench --help."));
  }

  static List<HelpSection> bench() {
    return List.of(
        new HelpSection(
            "Examples",
            "flags2 bench                    all four strategies at 1, 5, 30, 100",
            "flags2 bench --book             the book's 0.5 s delay (10 minutes)",
            "flags2 bench -t threadpool,async -m 10,100 --runs 5 a b c",
            "flags2 bench -s http://127.0.0.1:8002/flags   a server you started"),
        new HelpSection(
            "See also", "flags2 --help (one run), flags2 serve --help (the test servers)."));
  }
}
