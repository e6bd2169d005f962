package dev.mcpusage.domain.event;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Value factory: event ids as version-7 UUIDs (RFC 9562) — the event's millisecond first, then
 * random bits. Ids of events close in time sort close together, so a day's primary-key index grows
 * at its right edge instead of taking each insert on a random page: a random (version-4) id made
 * every batch touch, and after each checkpoint write whole, most leaf pages of the day's index.
 */
public final class EventIds {

  private static final long VERSION_7 = 0x7000L;
  private static final long VARIANT = 0x8000_0000_0000_0000L;

  private EventIds() {}

  /** A new id for an event at {@code timestamp}, random bits from the calling thread's source. */
  public static UUID timeOrdered(Instant timestamp) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return timeOrdered(timestamp, random.nextLong(), random.nextLong());
  }

  /**
   * The id for an event at {@code timestamp} with the given random bits (12 of {@code randomA}, 62
   * of {@code randomB} are used): reproducible ids for generated traffic.
   */
  public static UUID timeOrdered(Instant timestamp, long randomA, long randomB) {
    // 48 bits of milliseconds since 1970 cover dates up to the year 10889; earlier ones wrap
    long millis = timestamp.toEpochMilli() & 0xFFFF_FFFF_FFFFL;
    long most = (millis << 16) | VERSION_7 | (randomA & 0x0FFFL);
    long least = VARIANT | (randomB & 0x3FFF_FFFF_FFFF_FFFFL);
    return new UUID(most, least);
  }
}
