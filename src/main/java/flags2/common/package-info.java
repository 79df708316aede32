/**
 * What the client and the test servers share: the country codes ({@code country_codes.txt}, the top
 * 20, the expansion of CC arguments), the site labels and their standard URLs, and the {@code LABEL
 * ready: URL} line that {@code flags2 serve} prints. Imports nothing of flags2's own, so both sides
 * can depend on it without depending on each other.
 */
package flags2.common;
