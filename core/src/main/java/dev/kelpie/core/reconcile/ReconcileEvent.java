package dev.kelpie.core.reconcile;

import java.time.Instant;
import java.util.Objects;

/** Something the reconcile loop wants its listeners to know. Immutable and thread-safe. */
public record ReconcileEvent(String app, Type type, String message, Instant time) {

    /** The kinds of events, as a UI or a metrics binding groups them. */
    public enum Type {
        PASS_STARTED, SYNCED, DRIFT_DETECTED, SELF_HEAL, PRUNE_REFUSED, FAILED, RETRY_SCHEDULED, SUSPENDED, RESUMED
    }

    public ReconcileEvent {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(time, "time");
    }
}
