package dev.kelpie.core.reconcile.internal;

import dev.kelpie.core.app.Application;
import dev.kelpie.core.backend.Watch;
import dev.kelpie.core.reconcile.ReconcileResult;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/** The loop's bookkeeping for one application. Guarded by its own monitor. */
final class AppState {
    Application app;
    boolean running;
    boolean pending;
    String pendingReason = "";
    boolean suspended;
    int failedAttempts;
    int selfHealStreak;
    ScheduledFuture<?> nextPoll;
    ScheduledFuture<?> retry;
    ReconcilePass.Rendered lastRendered;
    String lastSyncedRevision;
    final Deque<ReconcileResult> history = new ArrayDeque<>();
    /** Callers waiting for the next pass to start and finish. */
    List<CompletableFuture<ReconcileResult>> waiters = new ArrayList<>();
    final List<Watch> watches = new ArrayList<>();
    final java.util.Set<String> watchedGroupKinds = new java.util.HashSet<>();

    AppState(Application app) {
        this.app = app;
    }
}
