package dev.kelpie.core.reconcile;

/**
 * Receives the loop's events and pass results: for UIs, audit logs and metrics. Called on the
 * loop's worker threads; implementations are thread-safe and return quickly. An exception a
 * listener throws is logged and otherwise ignored.
 */
public interface ReconcileListener {
    default void onEvent(ReconcileEvent event) {
    }

    default void onResult(ReconcileResult result) {
    }
}
