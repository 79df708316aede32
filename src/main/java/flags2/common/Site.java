package flags2.common;

import java.util.Locale;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * Where flags come from: the book's four labelled sites, or any http(s) base URL ({@link #URL}).
 * LOCAL, DELAY and ERROR are the ones {@code flags2 serve} provides and the client can embed.
 */
public enum Site {
  LOCAL("http://localhost:8001/flags"),
  DELAY("http://localhost:8002/flags"),
  ERROR("http://localhost:8003/flags"),
  REMOTE("https://www.fluentpython.com/data/flags"),
  URL(null);

  private final String defaultUrl;

  Site(String defaultUrl) {
    this.defaultUrl = defaultUrl;
  }

  /** The labelled sites at their standard addresses; tests substitute their own. */
  public static Map<Site, HttpUrl> standard() {
    return Map.of(
        LOCAL, HttpUrl.get(LOCAL.defaultUrl),
        DELAY, HttpUrl.get(DELAY.defaultUrl),
        ERROR, HttpUrl.get(ERROR.defaultUrl),
        REMOTE, HttpUrl.get(REMOTE.defaultUrl));
  }

  /** True for the sites {@code flags2 serve} stands in for. */
  public boolean embeddable() {
    return switch (this) {
      case LOCAL, DELAY, ERROR -> true;
      case REMOTE, URL -> false;
    };
  }

  /** A {@code --server} value resolved: the label and the base URL. */
  public record Target(Site site, HttpUrl url) {
    /** The same site at another URL: a server started on a free port. */
    public Target withUrl(HttpUrl url) {
      return new Target(site, url);
    }

    /** The URL as printed: credentials are never shown. */
    public String display() {
      return url.username().isEmpty() && url.password().isEmpty()
          ? url.toString()
          : url.newBuilder().username("***").password("").build().toString();
    }
  }

  /**
   * Resolves a label (case-insensitive) or an http(s) URL.
   *
   * @throws IllegalArgumentException for anything else
   */
  public static Target parse(String value, Map<Site, HttpUrl> sites) {
    for (Site site : values()) {
      if (site != URL && site.name().equals(value.toUpperCase(Locale.ROOT))) {
        return new Target(site, sites.get(site));
      }
    }
    HttpUrl url = HttpUrl.parse(value);
    if (url == null || !value.regionMatches(true, 0, url.scheme(), 0, url.scheme().length())) {
      throw new IllegalArgumentException(
          "--server must be LOCAL, DELAY, ERROR, REMOTE or an http(s) URL, not '" + value + "'.");
    }
    return new Target(URL, url);
  }
}
