/**
 * The concurrency strategies: the {@link flags2.strategy.Strategy} interface, the four small
 * classes that implement it (sequential, thread pool, async, virtual threads), {@link
 * flags2.strategy.StrategyKind} that names them, the {@link flags2.strategy.Result} each hands back
 * per code, {@link flags2.strategy.Shutdown}, how long a stopping run waits, and the one hand-over
 * of results a concurrent strategy's workers share ({@code Handover}). A strategy only schedules:
 * it gets a {@link flags2.strategy.Fetcher} and never sees HTTP, files or reports, so it imports no
 * other flags2 package.
 */
package flags2.strategy;
