package dev.kelpie.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kelpie.core.backend.ApiException;
import dev.kelpie.core.backend.Backend;
import dev.kelpie.core.backend.DeleteOptions;
import dev.kelpie.core.backend.Discovery;
import dev.kelpie.core.backend.ListQuery;
import dev.kelpie.core.backend.PatchType;
import dev.kelpie.core.backend.Watch;
import dev.kelpie.core.backend.WatchEvent;
import dev.kelpie.core.backend.WriteOptions;
import dev.kelpie.core.model.Manifests;
import dev.kelpie.core.model.Resource;
import dev.kelpie.core.model.ResourceId;
import dev.kelpie.testkit.internal.cluster.ClusterInternals;
import dev.kelpie.testkit.internal.cluster.ClusterState;
import dev.kelpie.testkit.internal.cluster.Deletion;
import dev.kelpie.testkit.internal.cluster.FaultInjector;
import dev.kelpie.testkit.internal.cluster.Patching;
import dev.kelpie.secrets.KeyRing;
import dev.kelpie.testkit.internal.cluster.SealedSecretsController;
import dev.kelpie.testkit.internal.cluster.ServerSideApply;
import dev.kelpie.testkit.internal.cluster.SimulatedControllers;
import dev.kelpie.testkit.internal.cluster.Snapshots;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A Kubernetes API server in memory, strict where reconciliation depends on it: discovery of
 * built-in kinds and established CRDs ("no matches for kind" otherwise), namespaces that must
 * exist, uid / resourceVersion / generation / creationTimestamp / managedFields, optimistic
 * concurrency, defaulting and immutable fields of common kinds, JSON / merge / strategic merge
 * patch, server-side apply with field ownership and client-side apply, deletion with
 * finalizers, propagation and garbage collection, watches from a resource version, simulated
 * controllers on an injectable clock, seeded fault injection and snapshots.
 *
 * <pre>{@code
 * ManualClock clock = ManualClock.standard();
 * InMemoryCluster cluster = InMemoryCluster.builder().clock(clock).readyDelay(Duration.ofSeconds(5)).build();
 * cluster.createNamespace("staging");
 * cluster.apply(deployment, WriteOptions.defaults());
 * clock.advance(Duration.ofSeconds(5));      // the Deployment reports Available
 * }</pre>
 *
 * Thread-safe: calls are serialised by one lock; watch listeners run on the calling thread
 * after the lock is released, in resource-version order.
 */
public final class InMemoryCluster implements Backend {
    private final ReentrantLock lock = new ReentrantLock();
    private final ClusterState state;
    private final ServerSideApply serverSideApply;
    private final Patching patching;
    private final Deletion deletion;
    private final SimulatedControllers controllers;
    private final FaultInjector faults;

    private InMemoryCluster(Builder b) {
        this.state = new ClusterState(b.clock, b.seed, b.watchHistory);
        this.serverSideApply = new ServerSideApply(state);
        this.patching = new Patching(state);
        this.deletion = new Deletion(state);
        this.controllers = new SimulatedControllers(state, b.readyDelay, b.nodes, b.controllers);
        ClusterInternals.attach(state, deletion, controllers);
        this.faults = new FaultInjector(b.seed, b.clock, b.faults);
        if (b.sealingKeys != null) {
            controllers.enableSealedSecrets(new SealedSecretsController(state, b.sealingKeys));
        }
        if (b.clock instanceof ManualClock manual) {
            manual.onAdvance(this::runControllers);
        }
        for (String ns : b.namespaces) {
            createNamespace(ns);
        }
    }

    /** A cluster with a system clock, namespace {@code default}, controllers on with no delay, no faults. */
    public static InMemoryCluster create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    // ---------------------------------------------------------------- Backend

    @Override
    public Discovery discovery() {
        return state.discovery();
    }

    @Override
    public Optional<Resource> get(ResourceId id) {
        Objects.requireNonNull(id, "id");
        return call(Verb.GET, id.group(), id.kind(), id, () -> state.get(id));
    }

    @Override
    public List<Resource> list(ListQuery query) {
        Objects.requireNonNull(query, "query");
        return call(Verb.LIST, query.group(), query.kind(), null, () -> state.list(query));
    }

    @Override
    public Resource create(Resource resource, WriteOptions options) {
        return write(Verb.CREATE, resource.id(), () -> state.create(resource, options));
    }

    @Override
    public Resource update(Resource resource, WriteOptions options) {
        return write(Verb.UPDATE, resource.id(), () -> state.update(resource, options));
    }

    @Override
    public Resource patch(ResourceId id, PatchType type, JsonNode patch, WriteOptions options) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(patch, "patch");
        return write(Verb.PATCH, id, () -> patching.patch(id, type, patch, options));
    }

    @Override
    public Resource apply(Resource resource, WriteOptions options) {
        return write(Verb.APPLY, resource.id(), () -> serverSideApply.apply(resource, options));
    }

    @Override
    public Optional<Resource> delete(ResourceId id, DeleteOptions options) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(options, "options");
        return call(Verb.DELETE, id.group(), id.kind(), id, () -> deletion.delete(id, options));
    }

    /**
     * {@inheritDoc} {@code ""} and {@code "0"} start from now; a version replays the events
     * after it from the history kept (10,000 events by default). A version older than that
     * history fails with {@code BAD_REQUEST} saying {@code 410 Gone: too old resource version}
     * (the SPI has no 410 reason), so the caller relists.
     */
    @Override
    public Watch watch(ListQuery query, String fromResourceVersion, Consumer<WatchEvent> listener) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(fromResourceVersion, "fromResourceVersion");
        Objects.requireNonNull(listener, "listener");
        return call(Verb.WATCH, query.group(), query.kind(), null,
                () -> ClusterInternals.openWatch(state, query, fromResourceVersion, listener));
    }

    // ---------------------------------------------------------------- beyond the SPI

    /**
     * kubectl's client-side apply: the last-applied annotation and a three-way strategic merge
     * patch (a JSON merge patch for custom resources), under manager {@code kubectl-client-side-apply}.
     *
     * @throws ApiException as the API server would answer
     */
    public Resource applyClientSide(Resource resource, WriteOptions options) {
        return write(Verb.PATCH, resource.id(), () -> patching.applyClientSide(resource, options));
    }

    /** Creates a namespace (no-op when it exists). */
    public Resource createNamespace(String name) {
        ResourceId id = ResourceId.of("", "v1", "Namespace", "", name);
        return get(id).orElseGet(() -> create(Resource.of(ClusterInternals.namespaceTree(name)), WriteOptions.defaults()));
    }

    /** Server-side applies every object in order (fails on the first error). */
    public List<Resource> applyAll(Manifests manifests, WriteOptions options) {
        List<Resource> out = new ArrayList<>();
        manifests.forEach(r -> out.add(apply(r, options)));
        return out;
    }

    /** Every object in the cluster, sorted by id. */
    public List<Resource> all() {
        lock.lock();
        try {
            return ClusterInternals.all(state);
        } finally {
            lock.unlock();
        }
    }

    /** How many objects the cluster holds. */
    public int size() {
        lock.lock();
        try {
            return state.size();
        } finally {
            lock.unlock();
        }
    }

    /** Adds a fault rule from now on. */
    public void inject(FaultRule rule) {
        faults.add(Objects.requireNonNull(rule, "rule"));
    }

    /** Removes all fault rules. */
    public void clearFaults() {
        faults.clear();
    }

    /** Makes the rollouts of this object fail from now on (the controller reports ProgressDeadlineExceeded / Failed). */
    public void failRollout(ResourceId id) {
        run(() -> {
            controllers.failRollout(id);
            return null;
        });
    }

    /** Runs the simulated controllers' due work (also done on every call and every {@link ManualClock#advance}). */
    public void runControllers() {
        run(() -> controllers.catchUp());
    }

    /**
     * Saves the whole state to {@code dir/cluster.json}.
     *
     * @throws java.io.UncheckedIOException when it cannot be written
     */
    public void snapshot(Path dir) {
        run(() -> {
            Snapshots.save(state, dir);
            return null;
        });
    }

    /**
     * Replaces the whole state with a snapshot saved by {@link #snapshot}.
     *
     * @throws java.io.UncheckedIOException when it cannot be read
     * @throws IllegalArgumentException when the file is not a snapshot
     */
    public void restore(Path dir) {
        run(() -> {
            Snapshots.load(state, dir);
            return null;
        });
    }

    // ---------------------------------------------------------------- plumbing

    private Resource write(Verb verb, ResourceId id, Supplier<Resource> op) {
        Objects.requireNonNull(id, "resource");
        return call(verb, id.group(), id.kind(), id, op);
    }

    private <T> T call(Verb verb, String group, String kind, ResourceId id, Supplier<T> op) {
        faults.before(verb, group, kind, id);
        return run(() -> {
            controllers.catchUp();
            try {
                return op.get();
            } catch (ApiException e) {
                throw e;
            } catch (RuntimeException malformed) {
                // the API server answers 400 when an object does not decode into its kind's types
                ApiException bad = new ApiException(ApiException.Reason.BAD_REQUEST, id,
                        "cannot " + verb.name().toLowerCase(java.util.Locale.ROOT) + " a malformed object: " + malformed.getMessage());
                bad.initCause(malformed);
                throw bad;
            }
        });
    }

    private <T> T run(Supplier<T> op) {
        lock.lock();
        try {
            return op.get();
        } finally {
            lock.unlock();
            state.watchHub().deliver();
        }
    }

    @Override
    public String toString() {
        return "InMemoryCluster[" + size() + " objects]";
    }

    /** Options of an in-memory cluster. Not thread-safe; confine to one thread. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private long seed = 1;
        private Duration readyDelay = Duration.ZERO;
        private int nodes = 3;
        private boolean controllers = true;
        private int watchHistory = 10_000;
        private final List<FaultRule> faults = new ArrayList<>();
        private final List<String> namespaces = new ArrayList<>(List.of("default"));
        private KeyRing sealingKeys;

        private Builder() {
        }

        /** The clock for timestamps and controllers; a {@link ManualClock} makes time explicit. */
        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        /** Seed for uids, generated names and fault probabilities (same seed, same run). */
        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        /** How long a workload takes to become ready after a change. */
        public Builder readyDelay(Duration d) {
            Objects.requireNonNull(d, "readyDelay");
            if (d.isNegative()) {
                throw new IllegalArgumentException("readyDelay must not be negative: " + d);
            }
            this.readyDelay = d;
            return this;
        }

        /** Nodes DaemonSets schedule onto (default 3). */
        public Builder nodes(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("nodes must not be negative: " + n);
            }
            this.nodes = n;
            return this;
        }

        /** Whether controllers write status at all (default on). */
        public Builder controllers(boolean on) {
            this.controllers = on;
            return this;
        }

        /** Events kept for watches that start from an older resource version (default 10,000). */
        public Builder watchHistory(int events) {
            if (events < 1) {
                throw new IllegalArgumentException("watchHistory must be positive: " + events);
            }
            this.watchHistory = events;
            return this;
        }

        public Builder fault(FaultRule rule) {
            faults.add(Objects.requireNonNull(rule, "rule"));
            return this;
        }

        /**
         * Runs a sealed-secrets controller with these keys: {@code bitnami.com/v1alpha1
         * SealedSecret} is served and each one becomes its Secret (off by default).
         */
        public Builder sealedSecrets(KeyRing keys) {
            this.sealingKeys = Objects.requireNonNull(keys, "keys");
            return this;
        }

        /** Namespaces that exist from the start (default: {@code default}). */
        public Builder namespaces(String... names) {
            namespaces.clear();
            namespaces.addAll(List.of(names));
            return this;
        }

        public InMemoryCluster build() {
            return new InMemoryCluster(this);
        }
    }
}
