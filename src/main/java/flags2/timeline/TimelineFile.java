package flags2.timeline;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * The {@code --timeline} file: its format follows its extension ({@code .html}, {@code .svg} or
 * {@code .json}, any case). {@link #problem} is checked before a run sends a request; {@link
 * #write} replaces the file whole (a temporary file renamed into place), so a reader never sees
 * half a chart.
 */
public final class TimelineFile {
  /** The formats, by extension. */
  public enum Format {
    HTML,
    SVG,
    JSON;

    /** The format named by {@code file}'s extension, or null. */
    static Format of(Path file) {
      String name = file.getFileName() == null ? "" : file.getFileName().toString();
      String lower = name.toLowerCase(Locale.ROOT);
      for (Format format : values()) {
        if (lower.endsWith("." + format.name().toLowerCase(Locale.ROOT))) {
          return format;
        }
      }
      return null;
    }
  }

  private TimelineFile() {}

  /**
   * Why {@code file} cannot be a timeline (a usage error's message, naming {@code --timeline}), or
   * null when it can: the extension must be known, and the directory must exist already.
   */
  public static String problem(Path file) {
    if (Format.of(file) == null) {
      return "--timeline must name a .html, .svg or .json file, not '" + file + "'.";
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      return "--timeline: no such directory: '" + (parent == null ? file : parent) + "'.";
    }
    if (Files.isDirectory(file)) {
      return "--timeline must name a file, not the directory '" + file + "'.";
    }
    return null;
  }

  /** The chart as an SVG element, for a page of one's own (no XML declaration). */
  public static String svg(Timeline timeline) {
    return SvgChart.svg(timeline);
  }

  /** Writes {@code timeline} to {@code file} in the format its extension names. */
  public static void write(Path file, Timeline timeline) throws IOException {
    Format format = Format.of(file);
    if (format == null) {
      throw new IllegalArgumentException(problem(file));
    }
    Path absolute = file.toAbsolutePath();
    // not Files.createTempFile, whose file is private (0600): the chart is for sharing, so it gets
    // the permissions of any new file (the umask's)
    Path temporary =
        absolute.resolveSibling(
            "." + absolute.getFileName() + "." + ProcessHandle.current().pid() + ".part");
    try {
      try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
        switch (format) {
          case HTML -> out.write(Html.page(timeline, SvgChart.svg(timeline)));
          case SVG ->
              out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + SvgChart.svg(timeline));
          case JSON -> TraceJson.write(timeline, out);
        }
      }
      Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}
