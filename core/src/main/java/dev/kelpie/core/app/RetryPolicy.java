package dev.kelpie.core.app;

import java.time.Duration;
import java.util.Objects;

/**
 * How failed syncs are retried: at most {@code limit} times (0: never, negative: without
 * limit, as Argo CD), waiting {@code backoff}, multiplied by {@code factor} after each attempt,
 * never longer than {@code maxBackoff}. Immutable and thread-safe.
 */
public record RetryPolicy(int limit, Duration backoff, double factor, Duration maxBackoff) {

    public RetryPolicy {
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (backoff.isNegative() || maxBackoff.isNegative()) {
            throw new IllegalArgumentException("backoff: must not be negative");
        }
        if (!(factor >= 1)) {
            throw new IllegalArgumentException("backoff.factor: must be >= 1, got " + factor);
        }
    }

    /** No retries (Argo CD's default when {@code retry} is absent). */
    public static RetryPolicy none() {
        return new RetryPolicy(0, Duration.ofSeconds(5), 2, Duration.ofMinutes(3));
    }

    /** Argo CD's defaults when {@code retry} is present: 5 s doubling up to 3 min. */
    public static RetryPolicy of(int limit) {
        return new RetryPolicy(limit, Duration.ofSeconds(5), 2, Duration.ofMinutes(3));
    }

    /** The wait before retry number {@code attempt} (0-based). */
    public Duration delay(int attempt) {
        double seconds = backoff.toMillis() * Math.pow(factor, Math.max(0, attempt)) / 1000.0;
        Duration d = Duration.ofMillis((long) Math.min(seconds * 1000, Long.MAX_VALUE / 2.0));
        return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }

    /** Whether another attempt is allowed after {@code attemptsSoFar} retries. */
    public boolean allows(int attemptsSoFar) {
        return limit < 0 || attemptsSoFar < limit;
    }
}
