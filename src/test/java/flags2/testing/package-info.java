/**
 * Fixtures the tests of every package share: {@link flags2.testing.Flags2Runner} runs the command
 * in-process with captured streams, a fake clock and a hand-fired Ctrl-C; {@link
 * flags2.testing.FlagDispatcher} scripts a MockWebServer per code; {@link
 * flags2.testing.MockServers} makes MockWebServers that answer without a 40 ms stall; {@link
 * flags2.testing.RawServer} writes raw bytes for faults MockWebServer cannot script; {@link
 * flags2.testing.ReservedPort} holds a port nothing listens on; {@link flags2.testing.ThreadWaits}
 * waits until a thread is seen in a given wait.
 */
package flags2.testing;
