/**
 * A PIT test plugin used only by the mutation profile ({@code -Pmutation}), never by the product or
 * by {@code mvn verify}: it finds JUnit test units by JUnit's discovery alone.
 *
 * <p>pitest-junit5-plugin finds them by running every covering test class, once in every minion JVM
 * PIT starts: once per mutated class and again after every mutant that times out. Here that was
 * most of a complete run's time. This plugin lists the same tests without running them, and PIT
 * then runs each one when it needs it, in the coverage stage as in the mutation stage.
 */
package flags2.pit;
