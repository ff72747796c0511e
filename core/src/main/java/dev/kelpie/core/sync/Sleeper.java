package dev.kelpie.core.sync;

import java.time.Duration;

/**
 * Waits. The default sleeps the thread; tests pass one that advances a manual clock, so no
 * test ever sleeps. Thread-safe.
 */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;

    /** Sleeps the calling thread. */
    static Sleeper system() {
        return d -> Thread.sleep(Math.max(0, d.toMillis()));
    }
}
