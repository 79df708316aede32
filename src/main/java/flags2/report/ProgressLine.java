package flags2.report;

import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ProgressBarRenderer;
import me.tongfei.progressbar.ProgressState;

/**
 * The progress bar's text, in tqdm's layout with the times labelled: {@code flags 17%|██▏ | 120/676
 * [elapsed 0:02 < remaining 0:09, 60.0 flags/s]}. The rate is flags done per second since the bar
 * started, so against the DELAY server it settles at the concurrency over the delay (m / delay, the
 * chapter's point), and the remaining time is what is left at that rate.
 *
 * <p>Times come from the clock it is given, not from the progress state (which reads the wall
 * clock), so tests can fix them. (progressbar's own renderer prints the times unlabelled, as {@code
 * (0:00:02 / 0:00:09)}, and offers no way to change that.)
 */
final class ProgressLine implements ProgressBarRenderer {
  private static final String TASK = "flags";
  private static final String EIGHTHS = " ▏▎▍▌▋▊▉";

  /** The narrowest bar drawn: below it, the line drops the bar rather than show a stub. */
  private static final int MIN_CELLS = 5;

  private final LongSupplier nanoTime;
  private final long start;
  private final boolean unicode;

  /** A line whose elapsed time counts from now on {@code nanoTime}. */
  ProgressLine(LongSupplier nanoTime, boolean unicode) {
    this.nanoTime = nanoTime;
    this.start = nanoTime.getAsLong();
    this.unicode = unicode;
  }

  @Override
  public String render(ProgressState progress, int maxLength) {
    return format(
        progress.getCurrent(),
        progress.getMax(),
        Duration.ofNanos(nanoTime.getAsLong() - start),
        maxLength,
        unicode);
  }

  /**
   * The line for {@code done} of {@code total} flags after {@code elapsed}, {@code width} columns
   * at most. As the terminal narrows, the line gives up, in turn, the labels (tqdm's own {@code
   * [0:02<0:09, 60.0/s]}), then the bar, then the times; only a terminal too narrow even for {@code
   * flags 17% 120/676} gets the text cut.
   */
  static String format(long done, long total, Duration elapsed, int width, boolean unicode) {
    String count = String.valueOf(total);
    String counted = " ".repeat(Math.max(0, count.length() - String.valueOf(done).length())) + done;
    boolean known = done > 0 && elapsed.toNanos() > 0;
    String remaining =
        known ? clock(Duration.ofNanos(elapsed.toNanos() * (total - done) / done)) : "?";
    String rate = known ? String.format(Locale.ROOT, "%.1f", done * 1e9 / elapsed.toNanos()) : "?";
    String percent = String.format(Locale.ROOT, "%s %3d%%", TASK, percent(done, total));
    String labelled =
        " [elapsed "
            + clock(elapsed)
            + " < remaining "
            + remaining
            + ", "
            + rate
            + " "
            + TASK
            + "/s]";
    String bare = " [" + clock(elapsed) + "<" + remaining + ", " + rate + "/s]";
    for (String times : new String[] {labelled, bare}) {
      String suffix = "| " + counted + "/" + count + times;
      int cells = width - percent.length() - 1 - suffix.length();
      if (cells >= MIN_CELLS) {
        return percent + "|" + bar(done, total, cells, unicode) + suffix;
      }
    }
    for (String line :
        new String[] {
          percent + " " + counted + "/" + count + bare, percent + " " + counted + "/" + count
        }) {
      if (line.length() <= width) {
        return line;
      }
    }
    String line = percent + " " + counted + "/" + count;
    return line.substring(0, Math.max(0, width));
  }

  private static long percent(long done, long total) {
    return total <= 0 ? 100 : Math.min(100, done * 100 / total);
  }

  /** {@code cells} wide: full blocks, then one partial block in eighths (ASCII: {@code #}). */
  private static String bar(long done, long total, int cells, boolean unicode) {
    long eighths = total <= 0 ? cells * 8L : Math.min(cells * 8L, done * cells * 8 / total);
    int full = (int) (eighths / 8);
    StringBuilder bar = new StringBuilder(cells);
    bar.append((unicode ? "█" : "#").repeat(full));
    if (full < cells) {
      bar.append(unicode ? EIGHTHS.charAt((int) (eighths % 8)) : ' ');
      bar.append(" ".repeat(cells - full - 1));
    }
    return bar.toString();
  }

  /** {@code m:ss}, or {@code h:mm:ss} from an hour on, as tqdm shows times. */
  private static String clock(Duration time) {
    long s = time.toSeconds();
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
