package flags2.download;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code no_proxy} as curl reads it: comma- (or space-) separated entries; {@code *} alone exempts
 * every host; a host name matches itself and its subdomains, with or without a leading dot; an IP
 * address matches itself, a CIDR range ({@code 10.0.0.0/8}) its addresses. Case is ignored. Ports
 * are not part of an entry.
 */
public record NoProxy(List<String> entries) {
  static NoProxy parse(String list) {
    if (list == null) {
      return new NoProxy(List.of());
    }
    return new NoProxy(
        Arrays.stream(list.split("[,\\s]+"))
            .map(e -> e.strip().toLowerCase(Locale.ROOT))
            .map(e -> e.startsWith(".") ? e.substring(1) : e)
            .map(e -> e.startsWith("[") && e.contains("]") ? e.replaceAll("[\\[\\]]", "") : e)
            .filter(e -> !e.isEmpty())
            .toList());
  }

  boolean matches(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    for (String entry : entries) {
      if (entry.equals("*") || h.equals(entry) || h.endsWith("." + entry)) {
        return true;
      }
      if (entry.contains("/") && inRange(h, entry)) {
        return true;
      }
    }
    return false;
  }

  /** Whether literal address {@code host} is in CIDR range {@code cidr}; never resolves names. */
  private static boolean inRange(String host, String cidr) {
    String[] parts = cidr.split("/", 2);
    if (!isLiteral(host) || !isLiteral(parts[0])) {
      return false;
    }
    try {
      byte[] address = InetAddress.getByName(host).getAddress();
      byte[] network = InetAddress.getByName(parts[0]).getAddress();
      int bits = Integer.parseInt(parts[1]);
      if (address.length != network.length || bits < 0 || bits > address.length * 8) {
        return false;
      }
      for (int i = 0; i < bits; i++) {
        int mask = 0x80 >> (i % 8);
        if ((address[i / 8] & mask) != (network[i / 8] & mask)) {
          return false;
        }
      }
      return true;
    } catch (IOException | NumberFormatException e) {
      return false;
    }
  }

  private static boolean isLiteral(String host) {
    return host.contains(":") || host.matches("[0-9.]+");
  }
}
