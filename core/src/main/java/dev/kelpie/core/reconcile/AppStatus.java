package dev.kelpie.core.reconcile;

import dev.kelpie.core.health.HealthStatus;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The state of one application in the loop. Immutable and thread-safe.
 *
 * @param app                 the application
 * @param sync                sync status after the last pass
 * @param health              health after the last pass
 * @param lastSyncedRevision  the last revision a pass fully synced
 * @param suspended           whether the loop is holding this application
 * @param conditions          current problems (a failing source, a refused prune, a retry pending)
 * @param history             the last passes, newest first
 */
public record AppStatus(String app, SyncStatus sync, HealthStatus health, Optional<String> lastSyncedRevision,
                        boolean suspended, List<String> conditions, List<ReconcileResult> history) {
    public AppStatus {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(sync, "sync");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(lastSyncedRevision, "lastSyncedRevision");
        conditions = List.copyOf(conditions);
        history = List.copyOf(history);
    }

    public Optional<ReconcileResult> last() {
        return history.isEmpty() ? Optional.empty() : Optional.of(history.get(0));
    }
}
