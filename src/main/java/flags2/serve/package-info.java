/**
 * The LOCAL, DELAY and ERROR test servers ({@link flags2.serve.TestServers}) on the JDK's own
 * {@code com.sun.net.httpserver}: generated or on-disk flag images, delays and errors chosen by
 * seed and code. Used by {@code flags2 serve} and embedded by a download run; imports only {@code
 * flags2.common}, never a client package.
 */
package flags2.serve;
