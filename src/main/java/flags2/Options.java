package flags2;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A download run's settings, parsed and validated once by {@link Cli}.
 *
 * @param codes sorted, de-duplicated, never empty
 * @param concurrency the enforced limit: min(--max-req or default, strategy maximum, codes)
 * @param embedded whether the client may start an embedded test server
 * @param json one JSON object on stdout instead of the human report
 */
record Options(
    List<String> codes,
    Site.Target target,
    StrategyKind strategy,
    int concurrency,
    Path dest,
    boolean verbose,
    Duration timeout,
    int retries,
    long maxSize,
    boolean embedded,
    boolean json,
    boolean debug) {}
