package dev.kelpie.core.sync.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.core.backend.ApiException;
import dev.kelpie.core.backend.Backend;
import dev.kelpie.core.backend.DeleteOptions;
import dev.kelpie.core.health.Health;
import dev.kelpie.core.health.HealthAssessor;
import dev.kelpie.core.health.HealthStatus;
import dev.kelpie.core.model.Resource;
import dev.kelpie.core.model.ResourceId;
import dev.kelpie.core.plan.HookDeletePolicy;
import dev.kelpie.core.plan.SyncAction;
import dev.kelpie.core.plan.SyncPhase;
import dev.kelpie.core.plan.SyncStep;
import dev.kelpie.core.sync.InventoryStore;
import dev.kelpie.core.sync.StepOutcome;
import dev.kelpie.core.sync.SyncRequest;
import dev.kelpie.core.sync.SyncResult;
import dev.kelpie.core.sync.SyncSettings;
import dev.kelpie.diff.PatchMetadata;
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

/**
 * Runs one sync, stage by stage. Not thread-safe; one instance per sync.
 */
public final class WaveRunner {
    private static final Logger LOG = LoggerFactory.getLogger(WaveRunner.class);
    private final Backend backend;
    private final SyncSettings settings;
    private final HealthAssessor health;
    private final InventoryStore inventory;
    private final SyncRequest request;
    private final ObjectWriter writer;
    private final List<StepOutcome> outcomes = new ArrayList<>();

    public WaveRunner(Backend backend, SyncSettings settings, HealthAssessor health, PatchMetadata metadata,
                      InventoryStore inventory, SyncRequest request) {
        this.backend = backend;
        this.settings = settings;
        this.health = health;
        this.inventory = inventory;
        this.request = request;
        this.writer = new ObjectWriter(backend, settings, metadata);
    }

    public SyncResult run() {
        // The namespace first: the inventory's parent and every namespaced object live in it.
        Optional<String> stop = createNamespaceIfMissing();
        if (stop.isPresent()) {
            return new SyncResult(outcomes, stop);
        }
        // Grow the inventory before anything is created, so a crash cannot orphan an object.
        Set<ResourceId> owned = new LinkedHashSet<>(request.inventory().members());
        for (SyncStep s : request.plan().steps()) {
            if (!s.hook() && s.action() != SyncAction.PRUNE && s.action() != SyncAction.SKIP) {
                owned.add(s.id());
            }
        }
        stop = guarded("record inventory", () -> inventory.record(request.parent(), owned));
        if (stop.isPresent()) {
            return new SyncResult(outcomes, stop);
        }
        // SyncFail hooks are not a phase that always runs: they run only once the sync has failed.
        List<SyncStep> failHooks = new ArrayList<>();
        List<SyncStep> regular = new ArrayList<>();
        for (SyncStep s : request.plan().steps()) {
            (s.phase() == SyncPhase.SYNC_FAIL ? failHooks : regular).add(s);
        }
        Set<ResourceId> pruned = new LinkedHashSet<>();
        Optional<String> failure = runWaves(regular, pruned);
        if (failure.isPresent()) {
            if (!failHooks.isEmpty() && !settings.dryRun()) {
                failure = Optional.of(failure.get() + runSyncFailHooks(failHooks));
            }
            return new SyncResult(outcomes, failure);
        }
        // Shrink the inventory only now that pruned objects are gone.
        owned.removeAll(pruned);
        return new SyncResult(outcomes, guarded("record inventory", () -> inventory.record(request.parent(), owned)));
    }

    /**
     * Runs the steps wave by wave, each succeeding (and, when a later wave or a hook follows,
     * healthy) before the next; collects what was pruned. The reason it stopped, or empty.
     */
    private Optional<String> runWaves(List<SyncStep> steps, Set<ResourceId> pruned) {
        List<List<SyncStep>> waves = waves(steps);
        for (int i = 0; i < waves.size(); i++) {
            List<SyncStep> wave = waves.get(i);
            List<ResourceId> written = new ArrayList<>();
            Optional<StepOutcome.Failed> failed = Optional.empty();
            for (SyncStep step : wave) {
                StepOutcome o = runStep(step);
                outcomes.add(o);
                if (o instanceof StepOutcome.Failed f) {
                    failed = failed.or(() -> Optional.of(f));
                } else if (o instanceof StepOutcome.Pruned) {
                    pruned.add(o.id());
                } else if (o instanceof StepOutcome.Created || o instanceof StepOutcome.Configured) {
                    written.add(o.id());
                }
            }
            if (failed.isPresent()) {
                SyncStep first = wave.get(0);
                deleteHooks(wave, HookDeletePolicy.HOOK_FAILED);
                return Optional.of(first.phase().annotationValue() + " wave " + first.wave()
                        + " failed: " + failed.get().message());
            }
            boolean later = i + 1 < waves.size();
            if (settings.waitForHealth() && !settings.dryRun() && (later || hasHooks(wave)) && !written.isEmpty()) {
                Optional<String> unhealthy = waitHealthy(written);
                if (unhealthy.isPresent()) {
                    deleteHooks(wave, HookDeletePolicy.HOOK_FAILED);
                    return unhealthy;
                }
                deleteHooks(wave, HookDeletePolicy.HOOK_SUCCEEDED);
            }
        }
        return Optional.empty();
    }

    /**
     * Runs the SyncFail hooks after a failed sync, as Argo CD does, so a team can notify or
     * clean up. Their own failure never hides the sync's: it is added to the reason.
     */
    private String runSyncFailHooks(List<SyncStep> hooks) {
        LOG.info("sync failed; running {} SyncFail hook(s)", hooks.size());
        int before = outcomes.size();
        Optional<String> hookFailure = runWaves(hooks, new LinkedHashSet<>());
        long ran = outcomes.subList(before, outcomes.size()).stream().filter(o -> !(o instanceof StepOutcome.Failed)).count();
        return hookFailure.map(f -> "; SyncFail hooks failed too: " + f)
                .orElse("; ran " + ran + " SyncFail hook(s)");
    }

    private Optional<String> createNamespaceIfMissing() {
        if (request.createNamespace().isEmpty()) {
            return Optional.empty();
        }
        String ns = request.createNamespace().get();
        ResourceId id = ResourceId.of("", "v1", "Namespace", "", ns);
        try {
            if (backend.get(id).isPresent()) {
                return Optional.empty();
            }
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("apiVersion", "v1").put("kind", "Namespace");
            o.putObject("metadata").put("name", ns);
            backend.create(Resource.of(o), settings.writeOptions());
            outcomes.add(new StepOutcome.Created(id));
            return Optional.empty();
        } catch (ApiException e) {
            if (e.reason() == ApiException.Reason.ALREADY_EXISTS) {
                return Optional.empty();
            }
            outcomes.add(new StepOutcome.Failed(id, e.getMessage(), e.isRetriable()));
            return Optional.of("creating namespace " + ns + " failed: " + e.getMessage());
        }
    }

    private Optional<String> guarded(String what, Runnable action) {
        try {
            action.run();
            return Optional.empty();
        } catch (ApiException e) {
            return Optional.of(what + " failed: " + e.getMessage());
        }
    }

    private StepOutcome runStep(SyncStep step) {
        switch (step.action()) {
            case UNCHANGED:
                return new StepOutcome.Unchanged(step.id());
            case SKIP:
                return new StepOutcome.Skipped(step.id(), step.reason());
            case PRUNE:
                return prune(step);
            case CREATE:
            case UPDATE:
            default:
                if (step.hook() && step.hookDeletePolicies().contains(HookDeletePolicy.BEFORE_HOOK_CREATION)) {
                    deleteQuietly(step.id());
                }
                boolean ssa = request.serverSideApply() || step.options().serverSideApply();
                boolean replace = request.replace() || step.options().replace();
                StepOutcome o = writer.write(step, ssa, replace);
                LOG.debug("{} {}: {}", step.action(), step.id(), o.word());
                return o;
        }
    }

    private StepOutcome prune(SyncStep step) {
        if (request.plan().prune().isRefused()) {
            return new StepOutcome.Skipped(step.id(), "prune refused: "
                    + request.plan().prune().refusal().map(r -> r.message()).orElse("guard"));
        }
        try {
            backend.delete(step.id(), new DeleteOptions(request.propagation(), settings.dryRun()));
            return new StepOutcome.Pruned(step.id());
        } catch (ApiException e) {
            if (e.reason() == ApiException.Reason.NOT_FOUND) {
                return new StepOutcome.Pruned(step.id());
            }
            return new StepOutcome.Failed(step.id(), e.getMessage(), e.isRetriable());
        }
    }

    private void deleteQuietly(ResourceId id) {
        try {
            backend.delete(id, new DeleteOptions(DeleteOptions.Propagation.BACKGROUND, settings.dryRun()));
        } catch (ApiException e) {
            LOG.debug("could not delete hook {} before re-creating it: {}", id, e.getMessage());
        }
    }

    private static boolean hasHooks(List<SyncStep> wave) {
        return wave.stream().anyMatch(SyncStep::hook);
    }

    private void deleteHooks(List<SyncStep> wave, HookDeletePolicy when) {
        for (SyncStep s : wave) {
            if (s.hook() && s.hookDeletePolicies().contains(when)) {
                deleteQuietly(s.id());
            }
        }
    }

    /** Waits until every written object is Healthy (or Suspended); fails on Degraded or timeout. */
    private Optional<String> waitHealthy(List<ResourceId> ids) {
        Instant deadline = settings.clock().instant().plus(settings.waveTimeout());
        while (true) {
            Map<ResourceId, Health> pending = new LinkedHashMap<>();
            for (ResourceId id : ids) {
                Optional<Resource> live;
                try {
                    live = backend.get(id);
                } catch (ApiException e) {
                    pending.put(id, Health.progressing("cannot read: " + e.getMessage()));
                    continue;
                }
                Health h = live.map(health::assess).orElse(new Health(HealthStatus.MISSING, "not found"));
                if (h.status() == HealthStatus.DEGRADED) {
                    return Optional.of(id + " is Degraded: " + h.message());
                }
                if (h.status() != HealthStatus.HEALTHY && h.status() != HealthStatus.SUSPENDED) {
                    pending.put(id, h);
                }
            }
            if (pending.isEmpty()) {
                return Optional.empty();
            }
            if (!settings.clock().instant().isBefore(deadline)) {
                var first = pending.entrySet().iterator().next();
                return Optional.of("timed out after " + settings.waveTimeout() + " waiting for " + first.getKey()
                        + " to be healthy (" + first.getValue() + ")");
            }
            try {
                settings.sleeper().sleep(settings.pollInterval());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.of("interrupted while waiting for health");
            }
        }
    }

    private static List<List<SyncStep>> waves(List<SyncStep> steps) {
        List<List<SyncStep>> out = new ArrayList<>();
        List<SyncStep> current = new ArrayList<>();
        SyncStep prev = null;
        for (SyncStep s : steps) {
            if (prev != null && (prev.phase() != s.phase() || prev.wave() != s.wave()
                    || (prev.action() == SyncAction.PRUNE) != (s.action() == SyncAction.PRUNE))) {
                out.add(current);
                current = new ArrayList<>();
            }
            current.add(s);
            prev = s;
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }
}
