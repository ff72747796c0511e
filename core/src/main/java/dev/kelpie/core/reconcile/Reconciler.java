package dev.kelpie.core.reconcile;

import dev.kelpie.core.app.Application;
import dev.kelpie.core.backend.Backend;
import dev.kelpie.core.health.HealthAssessor;
import dev.kelpie.core.plan.Planner;
import dev.kelpie.core.reconcile.internal.ReconcileLoop;
import dev.kelpie.core.reconcile.internal.ReconcilePass;
import dev.kelpie.core.render.RenderPipeline;
import dev.kelpie.core.sync.ApplySetInventoryStore;
import dev.kelpie.core.sync.InventoryStore;
import dev.kelpie.core.sync.SyncExecutor;
import dev.kelpie.core.sync.SyncSettings;
import dev.kelpie.core.transform.Transformer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Converges a cluster to Git: one pass with {@link #reconcile(Application)}, or the loop with
 * {@link #start(Collection)} (polling, webhook refreshes, watch-driven self-heal, retries).
 * Depends only on the {@link Backend} SPI, so it runs unchanged on the in-memory cluster and a
 * real one. Built once and shared: thread-safe.
 *
 * <pre>{@code
 * Reconciler reconciler = Reconciler.builder()
 *         .backend(cluster)
 *         .sources(SourceResolver.git(cacheDir))
 *         .build();
 * ReconcileResult result = reconciler.reconcile(app);   // one pass, synchronous
 * reconciler.start(List.of(app));                        // the loop
 * }</pre>
 */
public final class Reconciler implements AutoCloseable {
    private final ReconcilePass pass;
    private final ReconcileLoop loop;

    private Reconciler(Builder b) {
        RenderPipeline.Builder pipeline = RenderPipeline.builder().discoverRenderers();
        b.transformers.forEach(pipeline::transformer);
        SyncExecutor executor = SyncExecutor.create(b.backend, b.sync, b.health,
                b.inventory != null ? b.inventory : new ApplySetInventoryStore(b.backend, b.sync.writeOptions()));
        this.pass = new ReconcilePass(b.backend, b.sources, b.pipeline != null ? b.pipeline : pipeline.build(),
                b.planner, executor, b.health, b.clock);
        this.loop = new ReconcileLoop(b.backend, pass, b.planner,
                new ReconcileLoop.Settings(b.workers, b.pollInterval, b.jitter, b.selfHealDelay, b.selfHealMaxDelay,
                        b.historyLimit, b.detectOnly, b.clock, b.seed),
                b.listeners);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * One pass: render, diff, plan, sync (when the application's policy is automated), prune,
     * judge health. Never throws for bad input or cluster failures: they come back in the result.
     */
    public ReconcileResult reconcile(Application app) {
        return pass.run(app, app.syncPolicy().automatedSync(), r -> { });
    }

    /** One pass that syncs whatever the policy says (a user's "sync now"). */
    public ReconcileResult sync(Application app) {
        return pass.run(app, true, r -> { });
    }

    /** One pass that only reports drift, whatever the policy says. */
    public ReconcileResult check(Application app) {
        return pass.run(app, false, r -> { });
    }

    /** Runs the loop for these applications (adding them, or updating their specs). */
    public void start(Collection<Application> apps) {
        loop.start(apps);
    }

    /** Queues a pass for one application now; the future completes with its result. */
    public CompletableFuture<ReconcileResult> refresh(String app) {
        return loop.refresh(app);
    }

    public void suspend(String app) {
        loop.suspend(app);
    }

    public void resume(String app) {
        loop.resume(app);
    }

    public Optional<AppStatus> status(String app) {
        return loop.status(app);
    }

    public List<String> applications() {
        return loop.applications();
    }

    /** Graceful shutdown: no new passes, in-flight passes finish (up to 30 s), watches close. */
    @Override
    public void close() {
        loop.close(Duration.ofSeconds(30));
    }

    /** Builds a {@link Reconciler}. Not thread-safe. */
    public static final class Builder {
        private Backend backend;
        private SourceResolver sources;
        private RenderPipeline pipeline;
        private final List<Transformer> transformers = new ArrayList<>();
        private SyncSettings sync = SyncSettings.defaults();
        private HealthAssessor health = HealthAssessor.defaults();
        private InventoryStore inventory;
        private Planner planner = Planner.create();
        private Clock clock = Clock.systemUTC();
        private int workers = 4;
        private Duration pollInterval = Duration.ofMinutes(3);
        private double jitter = 0.1;
        private Duration selfHealDelay = Duration.ofSeconds(5);
        private Duration selfHealMaxDelay = Duration.ofMinutes(5);
        private int historyLimit = 10;
        private boolean detectOnly;
        private long seed = System.nanoTime();
        private final List<ReconcileListener> listeners = new ArrayList<>();

        private Builder() {
        }

        /** The cluster (required). */
        public Builder backend(Backend b) {
            this.backend = b;
            return this;
        }

        /** Where repositories come from (default: Git with a mirror cache in a temporary folder). */
        public Builder sources(SourceResolver s) {
            this.sources = s;
            return this;
        }

        /** A complete render pipeline; by default renderers are discovered and {@link #transformer}s added. */
        public Builder renderPipeline(RenderPipeline p) {
            this.pipeline = p;
            return this;
        }

        /** A transformer to run after render (e.g. one that unseals SealedSecrets). */
        public Builder transformer(Transformer t) {
            transformers.add(Objects.requireNonNull(t, "transformer"));
            return this;
        }

        public Builder syncSettings(SyncSettings s) {
            this.sync = s;
            return this;
        }

        public Builder health(HealthAssessor h) {
            this.health = h;
            return this;
        }

        public Builder inventoryStore(InventoryStore s) {
            this.inventory = s;
            return this;
        }

        public Builder planner(Planner p) {
            this.planner = p;
            return this;
        }

        public Builder clock(Clock c) {
            this.clock = c;
            return this;
        }

        /** Passes that may run at once, across applications (default 4). */
        public Builder workers(int n) {
            this.workers = n;
            return this;
        }

        /** How often each application is checked without a trigger (default 3 minutes, as Argo CD). */
        public Builder pollInterval(Duration d) {
            this.pollInterval = d;
            return this;
        }

        /** Up to this share of the poll interval is added at random, so applications spread out (default 0.1). */
        public Builder jitter(double share) {
            this.jitter = share;
            return this;
        }

        /** Delay before healing a drift, doubled while the drift keeps coming back, up to the maximum. */
        public Builder selfHeal(Duration delay, Duration max) {
            this.selfHealDelay = delay;
            this.selfHealMaxDelay = max;
            return this;
        }

        public Builder historyLimit(int n) {
            this.historyLimit = n;
            return this;
        }

        /** Report drift, never fix it (default off). */
        public Builder detectOnly(boolean on) {
            this.detectOnly = on;
            return this;
        }

        /** Seed for jitter, for reproducible tests. */
        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        public Builder listener(ReconcileListener l) {
            listeners.add(Objects.requireNonNull(l, "listener"));
            return this;
        }

        /**
         * @throws IllegalStateException naming the missing or bad setting
         */
        public Reconciler build() {
            if (backend == null) {
                throw new IllegalStateException("backend is required");
            }
            if (workers < 1) {
                throw new IllegalStateException("workers must be at least 1, got " + workers);
            }
            if (pollInterval.isNegative() || pollInterval.isZero()) {
                throw new IllegalStateException("pollInterval must be positive, got " + pollInterval);
            }
            if (jitter < 0 || jitter > 1) {
                throw new IllegalStateException("jitter must be within [0, 1], got " + jitter);
            }
            if (historyLimit < 1) {
                throw new IllegalStateException("historyLimit must be at least 1");
            }
            if (sources == null) {
                sources = SourceResolver.git(Path.of(System.getProperty("java.io.tmpdir"), "kelpie-git-cache"));
            }
            return new Reconciler(this);
        }
    }
}
