package flags2.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Country codes: the 194 of the book's server set, the top 20 by population, and the expansion of
 * command-line arguments into a sorted, de-duplicated list (the book's {@code expand_cc_args}).
 */
public final class Codes {
  /** The default selection: the 20 most populous countries, in population order. */
  static final List<String> POP20 =
      List.of(
          "CN", "IN", "US", "ID", "BR", "PK", "NG", "BD", "RU", "JP", "MX", "PH", "VN", "ET", "EG",
          "DE", "IR", "TR", "CD", "FR");

  private static final String USAGE_ERROR = "each CC argument must be A to Z or AA to ZZ.";

  private static final Pattern CC_ARG = Pattern.compile("[A-Za-z]{1,2}");
  private static final String A_Z = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

  private Codes() {}

  /** The 194 codes of {@code country_codes.txt}, packaged in the jar; sorted. Read at each call. */
  public static List<String> countryCodes() {
    try (InputStream in = Codes.class.getResourceAsStream("/country_codes.txt")) {
      if (in == null) {
        throw new IllegalStateException("country_codes.txt is missing from the jar");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
      return List.copyOf(new TreeSet<>(Arrays.asList(text.trim().split("\\s+"))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether {@code arg} is a CC argument: one or two ASCII letters. */
  public static boolean isArgument(String arg) {
    return CC_ARG.matcher(arg).matches();
  }

  /**
   * Expands arguments as the book does: {@code every} wins over {@code all}, which wins over the
   * arguments; no arguments means {@link #POP20}; the result is sorted and cut to {@code limit}.
   *
   * @throws IllegalArgumentException when an argument is not one or two ASCII letters
   */
  public static List<String> expand(List<String> args, boolean all, boolean every, int limit) {
    TreeSet<String> codes = new TreeSet<>();
    // validated even when -a or -e makes them moot: bad input is never ignored
    for (String arg : args) {
      if (!isArgument(arg)) {
        throw new IllegalArgumentException("'" + arg + "' is not a country code: " + USAGE_ERROR);
      }
    }
    if (every) {
      for (char a : A_Z.toCharArray()) {
        for (char b : A_Z.toCharArray()) {
          codes.add("" + a + b);
        }
      }
    } else if (all) {
      codes.addAll(countryCodes());
    } else if (args.isEmpty()) {
      codes.addAll(POP20);
    } else {
      for (String arg : args) {
        String cc = arg.toUpperCase(Locale.ROOT);
        if (cc.length() == 1) {
          for (char b : A_Z.toCharArray()) {
            codes.add(cc + b);
          }
        } else {
          codes.add(cc);
        }
      }
    }
    List<String> sorted = new ArrayList<>(codes);
    return List.copyOf(sorted.subList(0, Math.min(limit, sorted.size())));
  }
}
