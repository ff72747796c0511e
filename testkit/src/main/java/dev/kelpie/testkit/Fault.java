package dev.kelpie.testkit;

import dev.kelpie.core.backend.ApiException;
import java.time.Duration;
import java.util.Objects;

/** What an injected fault does to a call. Immutable and thread-safe. */
public sealed interface Fault {

    /** The call takes this long (on a {@link ManualClock} the clock advances; otherwise the thread waits), then proceeds. */
    record Latency(Duration delay) implements Fault {
        public Latency {
            Objects.requireNonNull(delay, "delay");
            if (delay.isNegative()) {
                throw new IllegalArgumentException("delay must not be negative: " + delay);
            }
        }
    }

    /** The call fails with this API error before anything is written (409, 429, 500, 503, 504, dropped connection). */
    record Failure(ApiException.Reason reason) implements Fault {
        public Failure {
            Objects.requireNonNull(reason, "reason");
        }
    }

    static Fault latency(Duration d) {
        return new Latency(d);
    }

    static Fault conflict() {
        return new Failure(ApiException.Reason.CONFLICT);
    }

    static Fault tooManyRequests() {
        return new Failure(ApiException.Reason.TOO_MANY_REQUESTS);
    }

    static Fault internalError() {
        return new Failure(ApiException.Reason.INTERNAL_ERROR);
    }

    static Fault timeout() {
        return new Failure(ApiException.Reason.TIMEOUT);
    }

    static Fault droppedConnection() {
        return new Failure(ApiException.Reason.CONNECTION_DROPPED);
    }
}
