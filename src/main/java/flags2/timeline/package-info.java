/**
 * {@code --timeline FILE}: every request of a run on a time axis. The {@link
 * flags2.timeline.Recorder} collects one {@link flags2.timeline.Request} per HTTP request as it
 * ends; when the run is over, a {@link flags2.timeline.Timeline} is drawn as a self-contained SVG
 * or HTML chart ({@link flags2.timeline.SvgChart}, lanes from {@link flags2.timeline.Lanes}) or
 * written in the Trace Event Format ({@link flags2.timeline.TraceJson}) for Perfetto. Imports
 * nothing of flags2's: the download package feeds it, the command line checks the file name.
 */
package flags2.timeline;
