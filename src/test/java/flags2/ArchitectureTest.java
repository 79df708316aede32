package flags2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages depend on each other only as the README's code map says, so the tree keeps showing
 * the design: no cycles, the servers import no client package, strategies see neither HTTP nor
 * files, and only the command line knows picocli. Read from the sources' import lines.
 */
class ArchitectureTest {
  private static final Path SOURCES = Path.of("src/main/java/flags2");
  private static final Pattern IMPORT =
      Pattern.compile("^import (?:static )?(flags2|picocli|okhttp3)\\.(\\w+)?", Pattern.MULTILINE);

  /** What each package may import of flags2's own, and whether it may use OkHttp and picocli. */
  private static final Map<String, Set<String>> ALLOWED =
      Map.of(
          "common", Set.of("okhttp3"),
          "serve", Set.of("common", "okhttp3"),
          "strategy", Set.of(),
          "report", Set.of("common", "strategy"),
          "timeline", Set.of(),
          "download", Set.of("common", "strategy", "report", "serve", "timeline", "okhttp3"),
          "bench",
              Set.of("common", "strategy", "report", "serve", "download", "timeline", "okhttp3"),
          "cli",
              Set.of(
                  "common",
                  "strategy",
                  "report",
                  "serve",
                  "download",
                  "bench",
                  "timeline",
                  "okhttp3",
                  "picocli"));

  @Test
  void eachPackageImportsOnlyWhatTheCodeMapAllows() throws IOException {
    Map<String, Set<String>> found = imports();
    assertEquals(ALLOWED.keySet(), found.keySet(), "packages under " + SOURCES);
    Map<String, Set<String>> forbidden = new TreeMap<>();
    found.forEach(
        (pkg, used) -> {
          Set<String> extra = new TreeSet<>(used);
          extra.removeAll(ALLOWED.get(pkg));
          if (!extra.isEmpty()) {
            forbidden.put(pkg, extra);
          }
        });
    assertEquals(Map.of(), forbidden, "imports outside the code map");
  }

  @Test
  void everyPackageSaysWhatItOwns() {
    for (String pkg : ALLOWED.keySet()) {
      assertTrue(
          Files.isRegularFile(SOURCES.resolve(pkg).resolve("package-info.java")),
          pkg + " has no package-info.java");
    }
  }

  /** Package name to the flags2 packages, and okhttp3 and picocli, its files import. */
  private static Map<String, Set<String>> imports() throws IOException {
    Map<String, Set<String>> found = new TreeMap<>();
    try (Stream<Path> dirs = Files.list(SOURCES)) {
      for (Path dir : dirs.filter(Files::isDirectory).toList()) {
        String pkg = dir.getFileName().toString();
        Set<String> used = found.computeIfAbsent(pkg, p -> new TreeSet<>());
        try (Stream<Path> files = Files.list(dir)) {
          for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
            Matcher m = IMPORT.matcher(Files.readString(file));
            while (m.find()) {
              String target = m.group(1).equals("flags2") ? m.group(2) : m.group(1);
              if (!target.equals(pkg)) {
                used.add(target);
              }
            }
          }
        }
      }
    }
    return found;
  }
}
