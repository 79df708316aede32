package flags2.download;

import flags2.common.Site;
import flags2.strategy.StrategyKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A download run's settings, validated once by the command line and immutable after. Built with
 * {@link #builder}; what is not set keeps the command line's default. Only the run reads them.
 */
public final class DownloadOptions {
  /** The largest image accepted unless {@code --max-size} says otherwise: 5 MiB. */
  public static final long DEFAULT_MAX_SIZE = 5L * 1024 * 1024;

  private final List<String> codes;
  private final Site.Target target;
  private final StrategyKind strategy;
  private final int concurrency;
  private final Path dest;
  private final boolean verbose;
  private final boolean quiet;
  private final Duration timeout;
  private final int retries;
  private final long maxSize;
  private final boolean embedded;
  private final boolean json;
  private final Path timeline;
  private final boolean countryNames;
  private final Trust trust;
  private final Proxies proxies;
  private final HttpVersion httpVersion;

  private DownloadOptions(Builder b) {
    codes = List.copyOf(b.codes);
    target = Objects.requireNonNull(b.target, "target");
    strategy = b.strategy;
    concurrency = strategy.limit(b.maxRequests, codes.size());
    dest = Objects.requireNonNull(b.dest, "dest");
    verbose = b.verbose;
    quiet = b.quiet;
    timeout = Objects.requireNonNull(b.timeout, "timeout");
    retries = b.retries;
    maxSize = b.maxSize;
    embedded = b.embedded;
    json = b.json;
    timeline = b.timeline;
    countryNames = b.countryNames;
    trust = b.trust;
    proxies = b.proxies;
    httpVersion = b.httpVersion;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Sorted, de-duplicated, never empty. */
  List<String> codes() {
    return codes;
  }

  Site.Target target() {
    return target;
  }

  StrategyKind strategy() {
    return strategy;
  }

  /** The enforced limit: min(--max-req or the strategy's default, strategy maximum, codes). */
  int concurrency() {
    return concurrency;
  }

  Path dest() {
    return dest;
  }

  boolean verbose() {
    return verbose;
  }

  /** No progress bar and no notes on stderr; errors are still printed. */
  boolean quiet() {
    return quiet;
  }

  /** Per request: connecting, each read and write, and the whole call. */
  Duration timeout() {
    return timeout;
  }

  int retries() {
    return retries;
  }

  long maxSize() {
    return maxSize;
  }

  /** Whether the run may start an embedded test server. */
  boolean embedded() {
    return embedded;
  }

  /** One JSON object on stdout instead of the text report. */
  boolean json() {
    return json;
  }

  /** {@code --timeline}: where the chart or trace goes, checked already; null for none. */
  Path timeline() {
    return timeline;
  }

  /** Two requests per code, the image saved under the country's name from its metadata. */
  boolean countryNames() {
    return countryNames;
  }

  /** Whom https servers are trusted by: the JDK's CAs unless an option said otherwise. */
  Trust trust() {
    return trust;
  }

  /** The proxies, from {@code --proxy}, {@code --noproxy} and the environment. */
  Proxies proxies() {
    return proxies;
  }

  HttpVersion httpVersion() {
    return httpVersion;
  }

  /** Collects settings, from {@link #builder}; codes, target, dest and timeout are required. */
  public static final class Builder {
    private List<String> codes = List.of();
    private Site.Target target;
    private StrategyKind strategy = StrategyKind.DEFAULT;
    private Integer maxRequests;
    private Path dest;
    private boolean verbose;
    private boolean quiet;
    private Duration timeout;
    private int retries;
    private long maxSize = DEFAULT_MAX_SIZE;
    private boolean embedded = true;
    private boolean json;
    private Path timeline;
    private boolean countryNames;
    private Trust trust = Trust.jdk();
    private Proxies proxies = Proxies.NONE;
    private HttpVersion httpVersion = HttpVersion.NEGOTIATED;

    public Builder proxies(Proxies proxies) {
      this.proxies = Objects.requireNonNull(proxies, "proxies");
      return this;
    }

    public Builder httpVersion(HttpVersion httpVersion) {
      this.httpVersion = Objects.requireNonNull(httpVersion, "httpVersion");
      return this;
    }

    public Builder codes(List<String> codes) {
      this.codes = codes;
      return this;
    }

    public Builder target(Site.Target target) {
      this.target = target;
      return this;
    }

    public Builder strategy(StrategyKind strategy) {
      this.strategy = strategy;
      return this;
    }

    /** {@code --max-req}: null for the strategy's default; capped as {@link StrategyKind#limit}. */
    public Builder maxRequests(Integer maxRequests) {
      this.maxRequests = maxRequests;
      return this;
    }

    public Builder dest(Path dest) {
      this.dest = dest;
      return this;
    }

    public Builder verbose(boolean verbose) {
      this.verbose = verbose;
      return this;
    }

    public Builder quiet(boolean quiet) {
      this.quiet = quiet;
      return this;
    }

    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    public Builder retries(int retries) {
      this.retries = retries;
      return this;
    }

    public Builder maxSize(long maxSize) {
      this.maxSize = maxSize;
      return this;
    }

    public Builder embedded(boolean embedded) {
      this.embedded = embedded;
      return this;
    }

    public Builder json(boolean json) {
      this.json = json;
      return this;
    }

    public Builder trust(Trust trust) {
      this.trust = Objects.requireNonNull(trust, "trust");
      return this;
    }

    /** A file whose extension and directory {@code TimelineFile.problem} accepted, or null. */
    public Builder timeline(Path timeline) {
      this.timeline = timeline;
      return this;
    }

    public Builder countryNames(boolean countryNames) {
      this.countryNames = countryNames;
      return this;
    }

    public DownloadOptions build() {
      return new DownloadOptions(this);
    }
  }
}
