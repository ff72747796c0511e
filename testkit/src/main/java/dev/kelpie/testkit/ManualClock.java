package dev.kelpie.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that moves only when told to, for tests of anything that waits: health
 * waits, retries with back-off, the in-memory cluster's simulated controllers. Listeners run
 * after each {@link #advance}, on the advancing thread. Thread-safe.
 *
 * <pre>{@code
 * ManualClock clock = ManualClock.at(Instant.parse("2026-01-01T00:00:00Z"));
 * InMemoryCluster cluster = InMemoryCluster.builder().clock(clock).build();
 * clock.advance(Duration.ofSeconds(30));   // controllers catch up
 * }</pre>
 */
public final class ManualClock extends Clock {
    private final AtomicReference<Instant> now;
    private final ZoneId zone;
    private final List<Runnable> listeners;

    private ManualClock(AtomicReference<Instant> now, ZoneId zone, List<Runnable> listeners) {
        this.now = now;
        this.zone = zone;
        this.listeners = listeners;
    }

    /** A clock standing at {@code start}, in UTC. */
    public static ManualClock at(Instant start) {
        return new ManualClock(new AtomicReference<>(Objects.requireNonNull(start, "start")), ZoneOffset.UTC,
                new CopyOnWriteArrayList<>());
    }

    /** A clock standing at 2026-01-01T00:00:00Z. */
    public static ManualClock standard() {
        return at(Instant.parse("2026-01-01T00:00:00Z"));
    }

    /**
     * Moves time forward and runs the listeners.
     *
     * @throws IllegalArgumentException when {@code d} is negative
     */
    public ManualClock advance(Duration d) {
        Objects.requireNonNull(d, "d");
        if (d.isNegative()) {
            throw new IllegalArgumentException("cannot move a clock backwards: " + d);
        }
        now.updateAndGet(t -> t.plus(d));
        listeners.forEach(Runnable::run);
        return this;
    }

    /** Runs {@code listener} after every advance (the in-memory cluster uses it to run its controllers). */
    public void onAdvance(Runnable listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** A view in another zone sharing this clock's time and listeners. */
    @Override
    public Clock withZone(ZoneId z) {
        return new ManualClock(now, z, listeners);
    }

    @Override
    public String toString() {
        return "ManualClock[" + now.get() + "]";
    }
}
