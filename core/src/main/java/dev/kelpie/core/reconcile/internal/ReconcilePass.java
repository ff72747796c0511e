package dev.kelpie.core.reconcile.internal;

import dev.kelpie.core.KelpieException;
import dev.kelpie.core.app.Application;
import dev.kelpie.core.backend.ApiException;
import dev.kelpie.core.backend.Backend;
import dev.kelpie.core.backend.DeleteOptions;
import dev.kelpie.core.health.ApplicationHealth;
import dev.kelpie.core.health.HealthAssessor;
import dev.kelpie.core.health.HealthStatus;
import dev.kelpie.core.model.KindScopes;
import dev.kelpie.core.model.Manifests;
import dev.kelpie.core.model.Resource;
import dev.kelpie.core.model.ResourceId;
import dev.kelpie.core.plan.ApplySetParent;
import dev.kelpie.core.plan.DesiredState;
import dev.kelpie.core.plan.Inventory;
import dev.kelpie.core.plan.Planner;
import dev.kelpie.core.plan.SyncPlan;
import dev.kelpie.core.reconcile.ReconcileResult;
import dev.kelpie.core.reconcile.ReconcileResult.Phase;
import dev.kelpie.core.reconcile.SourceResolver;
import dev.kelpie.core.reconcile.SyncStatus;
import dev.kelpie.core.render.RenderPipeline;
import dev.kelpie.core.render.RenderResult;
import dev.kelpie.core.source.Snapshot;
import dev.kelpie.core.sync.StepOutcome;
import dev.kelpie.core.sync.SyncExecutor;
import dev.kelpie.core.sync.SyncRequest;
import dev.kelpie.core.sync.SyncResult;
import dev.kelpie.core.transform.TransformContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One reconcile pass, as its stages: source, render, inventory and live state, plan, sync,
 * health. Pure stages either return whole or end the pass as FAILED before anything touches
 * the cluster, so a failed render never prunes. Thread-safe (no state between passes).
 */
public final class ReconcilePass {
    private static final Logger LOG = LoggerFactory.getLogger(ReconcilePass.class);

    private final Backend backend;
    private final SourceResolver sources;
    private final RenderPipeline pipeline;
    private final Planner planner;
    private final SyncExecutor executor;
    private final HealthAssessor health;
    private final Clock clock;
    private final RenderCache renderCache = new RenderCache(4096);
    private final QuietPlans quietPlans = new QuietPlans();

    public ReconcilePass(Backend backend, SourceResolver sources, RenderPipeline pipeline, Planner planner,
                         SyncExecutor executor, HealthAssessor health, Clock clock) {
        this.backend = backend;
        this.sources = sources;
        this.pipeline = pipeline;
        this.planner = planner;
        this.executor = executor;
        this.health = health;
        this.clock = clock;
    }

    /** The desired state a pass renders, kept by the loop to judge watch events. */
    public record Rendered(String revision, Manifests desired) {
    }

    /** Runs the pass; {@code apply} false only detects drift. Never throws for bad input or cluster errors. */
    public ReconcileResult run(Application app, boolean apply, java.util.function.Consumer<Rendered> onRender) {
        MDC.put("kelpie.app", app.name());
        try {
            return stages(app, apply, onRender);
        } finally {
            MDC.remove("kelpie.app");
            MDC.remove("kelpie.revision");
        }
    }

    private ReconcileResult stages(Application app, boolean apply, java.util.function.Consumer<Rendered> onRender) {
        Map<String, Duration> timings = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        Stopwatch watch = new Stopwatch(timings);

        // 1. Source: the commit to render. Nothing else happens when it cannot be read.
        Snapshot snapshot;
        try {
            snapshot = sources.resolve(app.source()).snapshot(app.source().revision());
        } catch (KelpieException e) {
            return failed(app, "", "source: " + e.getMessage(), timings, warnings);
        }
        watch.lap("source");
        String revision = snapshot.revision();
        MDC.put("kelpie.revision", revision);

        // 2. Render and transform. A failed render ends the pass: it never reaches prune.
        ApplySetParent parent = ApplySetParent.forApplication(app.name(), parentNamespace(app));
        Manifests desired;
        RenderCache.Key key = new RenderCache.Key(app.source().repoUrl(), revision, app.source().path(), app.name(),
                app.destination().namespace());
        Optional<RenderCache.Entry> cached = renderCache.get(key);
        if (cached.isPresent()) {
            desired = cached.get().manifests();
            warnings.addAll(cached.get().warnings());
        } else {
            try {
                TransformContext ctx = TransformContext.builder()
                        .app(app.name())
                        .destinationNamespace(app.destination().namespace())
                        .scopes(KindScopes.builtIn())
                        .applySetParent(parent)
                        .build();
                RenderResult rendered = pipeline.render(snapshot.tree(), app.source().path(), ctx);
                // Frozen: the cache keeps these for many passes; compact trees keep a fleet's renders small.
                desired = rendered.manifests().map(Resource::frozen);
                warnings.addAll(rendered.warnings());
                renderCache.put(key, new RenderCache.Entry(desired, rendered.warnings()));
            } catch (KelpieException e) {
                return failed(app, revision, "render: " + e.getMessage(), timings, warnings);
            }
        }
        watch.lap("render");
        onRender.accept(new Rendered(revision, desired));

        // 3. What the cluster holds now: our inventory and the live twin of every desired object.
        Inventory inventory;
        Manifests live;
        SyncPlan plan;
        try {
            inventory = executor.inventoryStore().load(parent);
            live = readLive(desired.ids(), inventory.members());
            watch.lap("live");
            // 4. Plan: pure, explained, ordered; prune guards decide here.
            Optional<QuietPlans.Basis> basis = QuietPlans.basis(app, desired, live, inventory);
            Optional<SyncPlan> quiet = quietPlans.reuse(basis);
            if (quiet.isPresent()) {
                plan = quiet.get();
            } else {
                plan = planner.plan(DesiredState.rendered(desired), live, inventory, app.planSettings());
                quietPlans.remember(app.name(), basis, plan);
            }
            watch.lap("plan");
        } catch (ApiException e) {
            return failed(app, revision, "reading live state: " + e.getMessage(), timings, warnings);
        } catch (KelpieException e) {
            return failed(app, revision, "plan: " + e.getMessage(), timings, warnings);
        }
        warnings.addAll(plan.problems());

        if (!apply) {
            return detectOnly(app, revision, desired, plan, timings, warnings);
        }
        // A refused prune still lets creates and updates through; any other problem (a resource
        // another application owns, with FailOnSharedResource) refuses the whole sync, as Argo CD.
        if (plan.problems().size() > plan.prune().refusals().size()) {
            return result(app, revision, Phase.REFUSED, SyncStatus.OUT_OF_SYNC, assess(desired), plan, List.of(),
                    warnings, Optional.of(String.join("; ", plan.problems())), timings);
        }

        // 5. Sync: waves in order, inventory grown first and shrunk last.
        SyncResult sync = executor.execute(new SyncRequest(plan, parent, inventory,
                app.syncOptions().createNamespace() && !app.destination().namespace().isEmpty()
                        ? Optional.of(app.destination().namespace()) : Optional.empty(),
                app.syncOptions().serverSideApply(), app.syncOptions().replace(),
                propagation(app)));
        watch.lap("sync");

        // 6. Health of what Git wants, read back from the cluster (or as read before, when nothing changed).
        ApplicationHealth h = sync.outcomes().stream().allMatch(o -> o instanceof StepOutcome.Unchanged)
                ? health.assess(desired, live) : assess(desired);
        watch.lap("health");

        Phase phase;
        Optional<String> message;
        if (!sync.succeeded()) {
            phase = Phase.FAILED;
            message = sync.stoppedBecause().or(() -> sync.failures().stream().findFirst().map(StepOutcome.Failed::message));
        } else if (plan.prune().isRefused()) {
            phase = Phase.REFUSED;
            message = plan.prune().refusal().map(r -> "prune refused: " + r.message());
        } else {
            phase = Phase.SUCCEEDED;
            message = Optional.empty();
        }
        SyncStatus status = phase == Phase.SUCCEEDED ? SyncStatus.SYNCED : SyncStatus.OUT_OF_SYNC;
        ReconcileResult r = result(app, revision, phase, status, h, plan, sync.outcomes(), warnings, message, timings);
        LOG.info("reconciled {} at {}: {} {} {} {}", app.name(), shortRev(revision), phase, status.displayName(),
                h.status().displayName(), r.counts());
        return r;
    }

    private ReconcileResult detectOnly(Application app, String revision, Manifests desired, SyncPlan plan,
                                       Map<String, Duration> timings, List<String> warnings) {
        boolean drift = plan.hasChanges();
        List<StepOutcome> outcomes = new ArrayList<>();
        plan.steps().forEach(s -> {
            if (s.changes()) {
                outcomes.add(new StepOutcome.Skipped(s.id(), "detect only: would " + s.action().name().toLowerCase()
                        + " (" + s.reason() + ")"));
            }
        });
        ReconcileResult r = result(app, revision, drift ? Phase.DETECTED : Phase.SUCCEEDED,
                drift ? SyncStatus.OUT_OF_SYNC : SyncStatus.SYNCED, assess(desired), plan, outcomes, warnings,
                drift ? Optional.of(outcomes.size() + " object(s) differ from Git") : Optional.empty(), timings);
        LOG.info("checked {} at {}: {}", app.name(), shortRev(revision), r.sync().displayName());
        return r;
    }

    private Manifests readLive(List<ResourceId> desiredIds, Set<ResourceId> members) {
        Set<ResourceId> ids = new LinkedHashSet<>(desiredIds);
        ids.addAll(members);
        Manifests.Builder b = Manifests.builder();
        for (ResourceId id : ids) {
            backend.get(id).ifPresent(b::add);
        }
        return b.build();
    }

    private ApplicationHealth assess(Manifests desired) {
        try {
            return health.assess(desired, readLive(desired.ids(), Set.of()));
        } catch (ApiException e) {
            return new ApplicationHealth(HealthStatus.UNKNOWN, Map.of());
        }
    }

    private static DeleteOptions.Propagation propagation(Application app) {
        return switch (app.syncOptions().prunePropagationPolicy()) {
            case BACKGROUND -> DeleteOptions.Propagation.BACKGROUND;
            case ORPHAN -> DeleteOptions.Propagation.ORPHAN;
            default -> DeleteOptions.Propagation.FOREGROUND;
        };
    }

    static String parentNamespace(Application app) {
        String ns = app.destination().namespace();
        return ns.isEmpty() ? "default" : ns;
    }

    private ReconcileResult failed(Application app, String revision, String message, Map<String, Duration> timings,
                                   List<String> warnings) {
        LOG.warn("reconcile of {} failed: {}", app.name(), message);
        return result(app, revision, Phase.FAILED, SyncStatus.UNKNOWN, new ApplicationHealth(HealthStatus.UNKNOWN, Map.of()),
                null, List.of(), warnings, Optional.of(message), timings);
    }

    private ReconcileResult result(Application app, String revision, Phase phase, SyncStatus sync, ApplicationHealth h,
                                   SyncPlan plan, List<StepOutcome> outcomes, List<String> warnings,
                                   Optional<String> message, Map<String, Duration> timings) {
        return new ReconcileResult(app.name(), revision, phase, sync, h, Optional.ofNullable(plan), outcomes, warnings,
                message, timings, Instant.now(clock));
    }

    private static String shortRev(String rev) {
        return rev.length() > 7 ? rev.substring(0, 7) : rev;
    }

    /** Records how long each stage took. */
    private static final class Stopwatch {
        private final Map<String, Duration> timings;
        private long last = System.nanoTime();

        Stopwatch(Map<String, Duration> timings) {
            this.timings = timings;
        }

        void lap(String stage) {
            long now = System.nanoTime();
            timings.put(stage, Duration.ofNanos(now - last));
            last = now;
        }
    }
}
