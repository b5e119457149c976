package io.quire.client;

import java.util.Locale;
import java.util.Set;

/**
 * The {@link org.apache.hadoop.fs.StreamCapabilities} a stream has: {@link #has} answers
 * {@code hasCapability} for the input and output streams alike, case-insensitively as
 * Hadoop's own streams do (the capability names are lower case).
 */
final class StreamCapabilitySet {
  private final Set<String> names;

  private StreamCapabilitySet(Set<String> names) {
    this.names = names;
  }

  /** The set of these capabilities (the constants of StreamCapabilities). */
  static StreamCapabilitySet of(String... capabilities) {
    String[] lower = new String[capabilities.length];
    for (int i = 0; i < capabilities.length; i++) {
      lower[i] = capabilities[i].toLowerCase(Locale.ROOT);
    }
    return new StreamCapabilitySet(Set.of(lower));
  }

  /** True when {@code capability} (any case) is one of the set. */
  boolean has(String capability) {
    return names.contains(capability.toLowerCase(Locale.ROOT));
  }
}
