package dev.kelpie.core.reconcile.internal;

import dev.kelpie.core.app.Application;
import dev.kelpie.core.backend.ApiException;
import dev.kelpie.core.backend.Backend;
import dev.kelpie.core.backend.ListQuery;
import dev.kelpie.core.backend.Watch;
import dev.kelpie.core.backend.WatchEvent;
import dev.kelpie.core.health.HealthStatus;
import dev.kelpie.core.model.Manifests;
import dev.kelpie.core.model.Resource;
import dev.kelpie.core.model.ResourceId;
import dev.kelpie.core.plan.Inventory;
import dev.kelpie.core.plan.Planner;
import dev.kelpie.core.plan.SyncAction;
import dev.kelpie.core.plan.SyncPlan;
import dev.kelpie.core.plan.DesiredState;
import dev.kelpie.core.reconcile.AppStatus;
import dev.kelpie.core.reconcile.ReconcileEvent;
import dev.kelpie.core.reconcile.ReconcileListener;
import dev.kelpie.core.reconcile.ReconcileResult;
import dev.kelpie.core.reconcile.SyncStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reconcile loop: a work queue with at most one pass in flight per application, a bounded
 * worker pool, polling with jitter, watch-driven self-heal with backoff, retries with
 * exponential backoff, suspend/resume and graceful shutdown. Thread-safe.
 */
public final class ReconcileLoop {
    private static final Logger LOG = LoggerFactory.getLogger(ReconcileLoop.class);

    /** The loop's settings. */
    public record Settings(int workers, Duration pollInterval, double jitter, Duration selfHealDelay,
                           Duration selfHealMaxDelay, int historyLimit, boolean detectOnly, Clock clock, long seed) {
    }

    private final Backend backend;
    private final ReconcilePass pass;
    private final Planner planner;
    private final Settings settings;
    private final List<ReconcileListener> listeners;
    private final Map<String, AppState> apps = new ConcurrentHashMap<>();
    private final ExecutorService workers;
    private final ScheduledExecutorService timers;
    private final Random random;
    private volatile boolean closed;

    public ReconcileLoop(Backend backend, ReconcilePass pass, Planner planner, Settings settings,
                         List<ReconcileListener> listeners) {
        this.backend = backend;
        this.pass = pass;
        this.planner = planner;
        this.settings = settings;
        this.listeners = List.copyOf(listeners);
        this.workers = Executors.newFixedThreadPool(settings.workers(), named("kelpie-reconcile"));
        this.timers = Executors.newSingleThreadScheduledExecutor(named("kelpie-timer"));
        this.random = new Random(settings.seed());
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Adds applications (or replaces their spec) and queues a first pass for each. */
    public void start(Collection<Application> list) {
        for (Application a : list) {
            AppState s = apps.computeIfAbsent(a.name(), n -> new AppState(a));
            synchronized (s) {
                s.app = a;
            }
            enqueue(a.name(), "start");
        }
    }

    /** Queues a pass now (a webhook, a user's refresh); the future completes with that pass's result. */
    public CompletableFuture<ReconcileResult> refresh(String app) {
        AppState s = state(app);
        CompletableFuture<ReconcileResult> f = new CompletableFuture<>();
        synchronized (s) {
            s.waiters.add(f);
        }
        enqueue(app, "refresh");
        return f;
    }

    public void suspend(String app) {
        AppState s = state(app);
        synchronized (s) {
            s.suspended = true;
            cancelTimers(s);
        }
        emit(app, ReconcileEvent.Type.SUSPENDED, "reconciliation suspended");
    }

    public void resume(String app) {
        AppState s = state(app);
        synchronized (s) {
            s.suspended = false;
        }
        emit(app, ReconcileEvent.Type.RESUMED, "reconciliation resumed");
        enqueue(app, "resume");
    }

    public Optional<AppStatus> status(String app) {
        AppState s = apps.get(app);
        if (s == null) {
            return Optional.empty();
        }
        synchronized (s) {
            List<ReconcileResult> history = new ArrayList<>(s.history);
            ReconcileResult last = history.isEmpty() ? null : history.get(0);
            List<String> conditions = new ArrayList<>();
            if (last != null && last.phase() != ReconcileResult.Phase.SUCCEEDED) {
                last.message().ifPresent(m -> conditions.add(last.phase() + ": " + m));
            }
            if (s.retry != null && !s.retry.isDone()) {
                conditions.add("retry scheduled (attempt " + (s.failedAttempts + 1) + ")");
            }
            return Optional.of(new AppStatus(app, last == null ? SyncStatus.UNKNOWN : last.sync(),
                    last == null ? HealthStatus.UNKNOWN : last.healthStatus(),
                    Optional.ofNullable(s.lastSyncedRevision), s.suspended, conditions, history));
        }
    }

    public List<String> applications() {
        return List.copyOf(apps.keySet());
    }

    private AppState state(String app) {
        AppState s = apps.get(app);
        if (s == null) {
            throw new IllegalArgumentException("unknown application \"" + app + "\"; start it first");
        }
        return s;
    }

    private void enqueue(String app, String reason) {
        if (closed) {
            return;
        }
        AppState s = apps.get(app);
        if (s == null) {
            return;
        }
        synchronized (s) {
            if (s.suspended && !reason.equals("refresh")) {
                return;
            }
            if (s.running) {
                s.pending = true;
                s.pendingReason = reason;
                return;
            }
            s.running = true;
        }
        try {
            workers.execute(() -> runPass(s, reason));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            synchronized (s) {
                s.running = false;
            }
        }
    }

    private void runPass(AppState s, String reason) {
        Application app;
        List<CompletableFuture<ReconcileResult>> waiters;
        synchronized (s) {
            app = s.app;
            // only those who asked before this pass started see its result; later askers get the next one
            waiters = s.waiters;
            s.waiters = new ArrayList<>();
        }
        emit(app.name(), ReconcileEvent.Type.PASS_STARTED, "pass started (" + reason + ")");
        boolean apply = !settings.detectOnly() && (app.syncPolicy().automatedSync() || reason.equals("refresh-sync"));
        ReconcileResult result;
        try {
            result = pass.run(app, apply, rendered -> {
                synchronized (s) {
                    s.lastRendered = rendered;
                }
            });
        } catch (RuntimeException e) {
            LOG.error("reconcile of {} crashed", app.name(), e);
            result = new ReconcileResult(app.name(), "", ReconcileResult.Phase.FAILED, SyncStatus.UNKNOWN,
                    new dev.kelpie.core.health.ApplicationHealth(HealthStatus.UNKNOWN, Map.of()), Optional.empty(),
                    List.of(), List.of(), Optional.of(e.toString()), Map.of(), Instant.now(settings.clock()));
        }
        finish(s, app, result, reason, waiters);
    }

    private void finish(AppState s, Application app, ReconcileResult result, String reason,
                        List<CompletableFuture<ReconcileResult>> waiters) {
        boolean again;
        synchronized (s) {
            s.history.addFirst(result);
            while (s.history.size() > settings.historyLimit()) {
                s.history.removeLast();
            }
            if (result.phase() == ReconcileResult.Phase.SUCCEEDED && result.sync() == SyncStatus.SYNCED) {
                s.lastSyncedRevision = result.revision();
                s.failedAttempts = 0;
            }
            if (!reason.equals("drift")) {
                s.selfHealStreak = 0;
            }
            s.running = false;
            again = s.pending;
            s.pending = false;
        }
        publish(app, result);
        waiters.forEach(w -> w.complete(result));
        if (!closed) {
            scheduleAfter(s, app, result);
            if (result.phase() != ReconcileResult.Phase.FAILED) {
                ensureWatches(s, app);
            }
        }
        if (again) {
            String nextReason;
            synchronized (s) {
                nextReason = s.pendingReason;
            }
            enqueue(app.name(), nextReason);
        }
    }

    private void publish(Application app, ReconcileResult r) {
        switch (r.phase()) {
            case SUCCEEDED -> emit(app.name(), ReconcileEvent.Type.SYNCED, r.toString());
            case DETECTED -> emit(app.name(), ReconcileEvent.Type.DRIFT_DETECTED, r.message().orElse("drift"));
            case REFUSED -> emit(app.name(), ReconcileEvent.Type.PRUNE_REFUSED, r.message().orElse("refused"));
            case FAILED -> emit(app.name(), ReconcileEvent.Type.FAILED, r.message().orElse("failed"));
            default -> { }
        }
        for (ReconcileListener l : listeners) {
            try {
                l.onResult(r);
            } catch (RuntimeException e) {
                LOG.warn("listener {} failed on a result: {}", l, e.toString());
            }
        }
    }

    private void emit(String app, ReconcileEvent.Type type, String message) {
        ReconcileEvent e = new ReconcileEvent(app, type, message, Instant.now(settings.clock()));
        LOG.debug("{} {}: {}", app, type, message);
        for (ReconcileListener l : listeners) {
            try {
                l.onEvent(e);
            } catch (RuntimeException ex) {
                LOG.warn("listener {} failed on an event: {}", l, ex.toString());
            }
        }
    }

    /** Next poll with jitter; a retry with exponential backoff after a retriable failure. */
    private void scheduleAfter(AppState s, Application app, ReconcileResult result) {
        synchronized (s) {
            if (s.suspended) {
                return;
            }
            if (s.nextPoll != null) {
                s.nextPoll.cancel(false);
            }
            long base = settings.pollInterval().toMillis();
            long jitter = (long) (base * settings.jitter() * random.nextDouble());
            s.nextPoll = timers.schedule(() -> enqueue(app.name(), "poll"), base + jitter, TimeUnit.MILLISECONDS);
            if (result.phase() == ReconcileResult.Phase.FAILED && app.retry().allows(s.failedAttempts)) {
                Duration delay = app.retry().delay(s.failedAttempts);
                s.failedAttempts++;
                s.retry = timers.schedule(() -> enqueue(app.name(), "retry"), delay.toMillis(), TimeUnit.MILLISECONDS);
                emit(app.name(), ReconcileEvent.Type.RETRY_SCHEDULED, "retry " + s.failedAttempts + " in " + delay);
            }
        }
    }

    /** Watches the group-kinds the application manages, for self-heal (or drift reports). */
    private void ensureWatches(AppState s, Application app) {
        ReconcilePass.Rendered rendered;
        synchronized (s) {
            rendered = s.lastRendered;
        }
        if (rendered == null) {
            return;
        }
        for (Resource r : rendered.desired()) {
            String gk = r.id().group() + "/" + r.id().kind();
            synchronized (s) {
                if (!s.watchedGroupKinds.add(gk)) {
                    continue;
                }
            }
            try {
                Watch w = backend.watch(ListQuery.of(r.id().group(), r.id().kind()), "", e -> onWatchEvent(s, e));
                synchronized (s) {
                    s.watches.add(w);
                }
            } catch (ApiException e) {
                synchronized (s) {
                    s.watchedGroupKinds.remove(gk);
                }
                LOG.debug("cannot watch {} for {}: {}", gk, app.name(), e.getMessage());
            }
        }
    }

    private void onWatchEvent(AppState s, WatchEvent event) {
        Application app;
        ReconcilePass.Rendered rendered;
        synchronized (s) {
            if (s.suspended) {
                return;
            }
            app = s.app;
            rendered = s.lastRendered;
        }
        if (rendered == null) {
            return;
        }
        ResourceId id = event.object().id();
        Optional<Resource> desired = rendered.desired().get(id);
        if (desired.isEmpty()) {
            return;
        }
        // Our own writes match Git and stop here; only a real drift goes on.
        if (event.type() != WatchEvent.Type.DELETED && !drifted(app, desired.get(), event.object())) {
            return;
        }
        synchronized (s) {
            if (s.running) {
                // the running pass may have read the object before the edit: run once more after it
                s.pending = true;
                s.pendingReason = "drift";
                return;
            }
        }
        boolean heal = app.syncPolicy().automatedSync() && app.syncPolicy().selfHeal() && !settings.detectOnly();
        if (!heal) {
            emit(app.name(), ReconcileEvent.Type.DRIFT_DETECTED, id + " changed in the cluster");
            enqueue(app.name(), "drift-check");
            return;
        }
        Duration delay;
        synchronized (s) {
            delay = selfHealDelay(s.selfHealStreak++);
        }
        emit(app.name(), ReconcileEvent.Type.SELF_HEAL, id + " drifted (" + event.type() + "); healing in " + delay);
        timers.schedule(() -> enqueue(app.name(), "drift"), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Doubles the self-heal delay each time the same drift comes back, up to the maximum. */
    private Duration selfHealDelay(int streak) {
        Duration d = settings.selfHealDelay();
        for (int i = 0; i < streak && d.compareTo(settings.selfHealMaxDelay()) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(settings.selfHealMaxDelay()) > 0 ? settings.selfHealMaxDelay() : d;
    }

    private boolean drifted(Application app, Resource desired, Resource live) {
        SyncPlan plan = planner.plan(DesiredState.rendered(Manifests.of(desired)), Manifests.of(live),
                Inventory.of(desired.id()), app.planSettings());
        return plan.steps().stream().anyMatch(st -> st.id().equals(desired.id()) && st.action() == SyncAction.UPDATE);
    }

    private void cancelTimers(AppState s) {
        if (s.nextPoll != null) {
            s.nextPoll.cancel(false);
        }
        if (s.retry != null) {
            s.retry.cancel(false);
        }
    }

    /** Stops scheduling, lets in-flight passes finish (up to {@code timeout}), closes watches. */
    public void close(Duration timeout) {
        closed = true;
        timers.shutdownNow();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
        for (AppState s : apps.values()) {
            synchronized (s) {
                s.watches.forEach(Watch::close);
                s.watches.clear();
                s.waiters.forEach(w -> w.cancel(false));
            }
        }
    }
}
