package flags2.common;

import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * The line {@code flags2 serve} prints on stdout when a server listens, {@code LOCAL ready:
 * http://127.0.0.1:8001/flags}: written here and read back here by the bench, and the same format
 * that the launcher, the bench scripts and CI recipes match with {@code sed}.
 */
public record ReadyLine(Site site, HttpUrl url) {
  private static final String SEPARATOR = " ready: ";

  /** The line as printed, without a line separator. */
  @Override
  public String toString() {
    return site.name() + SEPARATOR + url;
  }

  /** The ready line {@code line} is, or empty when it is another line. */
  public static Optional<ReadyLine> parse(String line) {
    for (Site site : Site.values()) {
      String start = site.name() + SEPARATOR;
      if (site.embeddable() && line.startsWith(start)) {
        return Optional.ofNullable(HttpUrl.parse(line.substring(start.length())))
            .map(url -> new ReadyLine(site, url));
      }
    }
    return Optional.empty();
  }
}
