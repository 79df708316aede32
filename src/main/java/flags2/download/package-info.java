/**
 * One download run ({@link flags2.download.DownloadRun}) and everything a request needs: the
 * options ({@link flags2.download.DownloadOptions}), the OkHttp client ({@link
 * flags2.download.HttpClients}), fetching and classifying a code ({@link
 * flags2.download.HttpFetcher}, every request one code, one {@link flags2.download.RequestKind} and
 * one attempt), the two requests of {@code --country-names} ({@link
 * flags2.download.CountryNameFetch}, with {@link flags2.download.Metadata} and {@link
 * flags2.download.CountryName} judging what the server says), the one retry loop ({@link
 * flags2.download.RetryLoop} asking {@link flags2.download.RetryPolicy}), saving images atomically
 * ({@link flags2.download.ImageStore}), failures in a user's words ({@link
 * flags2.download.Failures}), the open-file limit, the embedded test server, and Ctrl-C ({@link
 * flags2.download.Interrupt}). Uses the strategy, report, serve and common packages; never the
 * command line.
 */
package flags2.download;
