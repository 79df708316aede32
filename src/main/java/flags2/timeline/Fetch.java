package flags2.timeline;

import java.util.Locale;

/** What one request fetched: the flag image, or (with {@code --country-names}) its metadata. */
public enum Fetch {
  IMAGE,
  METADATA;

  /** {@code image} or {@code metadata}, as written in the trace and the chart. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
