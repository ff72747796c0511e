package dev.kelpie.core.plan;

import dev.kelpie.core.model.InvalidResourceException;
import dev.kelpie.core.model.Manifests;
import dev.kelpie.core.model.Origin;
import dev.kelpie.core.model.Resource;
import dev.kelpie.core.model.ResourceId;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.core.plan.internal.StepOrder;
import dev.kelpie.core.plan.internal.DiffComparison;
import dev.kelpie.diff.Differ;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Computes a {@link SyncPlan} from desired state, live state and the inventory, all given:
 * pure, no cluster access.
 *
 * <p>Each desired object becomes a step: a hook (per {@code argocd.argoproj.io/hook}) runs in
 * its phase; any other object is created when absent, updated when the diff module's
 * three-way diff (or a {@link LiveComparison} given instead) says it drifted, unchanged otherwise, or skipped when its live copy belongs to another
 * application. The {@link PrunePlanner} decides prunes. Steps are ordered as Argo CD orders
 * them: phase, wave ({@code argocd.argoproj.io/sync-wave}), kind, name; Namespaces and CRDs
 * move ahead of their users; prunes run in reverse wave order, and after everything else with
 * PruneLast.
 *
 * <pre>{@code
 * SyncPlan plan = Planner.create().plan(desired, live, inventory,
 *         PlanSettings.of("shop").withPrune(PrunePolicy.on()));
 * plan.steps().forEach(s -> log.info("{}", s));
 * }</pre>
 *
 * Immutable and thread-safe.
 */
public final class Planner {
    private static final int PARALLEL_THRESHOLD = 512;
    private final LiveComparison custom;
    private final PrunePlanner prunePlanner = PrunePlanner.create();

    private Planner(LiveComparison custom) {
        this.custom = custom;
    }

    /**
     * A planner that judges drift with the diff module's three-way diff, honouring each
     * application's ignore rules (JSON pointers, jq paths, field managers).
     */
    public static Planner create() {
        return new Planner(null);
    }

    /** A planner that judges drift with {@code comparison}; ignore rules are then its job. */
    public static Planner withComparison(LiveComparison comparison) {
        return new Planner(Objects.requireNonNull(comparison, "comparison"));
    }

    private LiveComparison comparisonFor(PlanSettings settings) {
        return custom != null ? custom
                : new DiffComparison(Differ.builder().ignoreRules(settings.ignoreRules()).build());
    }

    /** Plans a sync of rendered manifests. */
    public SyncPlan plan(Manifests desired, Manifests live, Inventory inventory, PlanSettings settings) {
        return plan(DesiredState.rendered(desired), live, inventory, settings);
    }

    /**
     * Plans a sync. After a failed render the plan has no steps and a refused prune.
     *
     * @throws InvalidResourceException when an object's sync-wave or hook annotation is malformed
     */
    public SyncPlan plan(DesiredState desired, Manifests live, Inventory inventory, PlanSettings settings) {
        Objects.requireNonNull(live, "live");
        Objects.requireNonNull(settings, "settings");
        PrunePlan prune = prunePlanner.plan(settings.app(), desired, live, inventory, settings.prune());
        if (!(desired instanceof DesiredState.Rendered rendered)) {
            return new SyncPlan(settings.app(), List.of(), prune, List.of(), settings.applyOutOfSyncOnly());
        }
        List<String> problems = new ArrayList<>();
        List<SyncStep> steps = new ArrayList<>();
        LiveComparison comparison = comparisonFor(settings);
        // Comparisons are independent and dominate large plans: run them in parallel, keep order.
        var desiredObjects = rendered.manifests().list();
        var perObject = (desiredObjects.size() >= PARALLEL_THRESHOLD ? desiredObjects.parallelStream() : desiredObjects.stream())
                .map(r -> {
                    List<String> own = new ArrayList<>(0);
                    return Map.entry(stepsFor(r, live, settings, comparison, own), own);
                })
                .toList();
        for (var e : perObject) {
            steps.addAll(e.getKey());
            problems.addAll(e.getValue());
        }
        namespaceToCreate(rendered.manifests(), live, settings).ifPresent(ns ->
                steps.add(step(ns, SyncAction.CREATE, "CreateNamespace: the destination namespace does not exist",
                        SyncPhase.SYNC, 0, ObjectSyncOptions.NONE)));
        steps.addAll(pruneSteps(prune, steps, settings));
        prune.refusals().forEach(f -> problems.add("prune refused (" + f.guard() + "): " + f.message()));
        return new SyncPlan(settings.app(), StepOrder.order(steps), prune, problems, settings.applyOutOfSyncOnly());
    }

    private static List<SyncStep> stepsFor(Resource r, Manifests live, PlanSettings settings, LiveComparison comparison,
                                           List<String> problems) {
        ObjectSyncOptions options = merged(ObjectSyncOptions.of(r), settings);
        int wave = wave(r);
        String hook = SyncAnnotations.read(r, SyncAnnotations.HOOK).orElse(null);
        if (hook != null) {
            return hookSteps(r, hook, wave, options);
        }
        Optional<Resource> current = live.get(r.id());
        if (current.isEmpty()) {
            return List.of(step(r, SyncAction.CREATE, "not in the cluster", SyncPhase.SYNC, wave, options));
        }
        Optional<TrackingId> owner = TrackingId.of(current.get());
        if (owner.isPresent() && !owner.get().app().equals(settings.app())) {
            String why = "shared: the live object belongs to application '" + owner.get().app() + "'";
            if (settings.failOnSharedResource()) {
                problems.add(r.id() + ": " + why + " (FailOnSharedResource)");
            }
            return List.of(step(r, SyncAction.SKIP, why, SyncPhase.SYNC, wave, options));
        }
        LiveComparison.Verdict v = comparison.compare(r, current.get());
        if (v.inSync()) {
            return List.of(step(r, SyncAction.UNCHANGED, v.reason(), SyncPhase.SYNC, wave, options));
        }
        String how = options.replace() ? "; replace" : options.serverSideApply() ? "; server-side apply" : "";
        return List.of(step(r, SyncAction.UPDATE, v.reason() + how, SyncPhase.SYNC, wave, options));
    }

    /** The destination Namespace to create (CreateNamespace), when neither Git nor the cluster has it. */
    private static Optional<Resource> namespaceToCreate(Manifests desired, Manifests live, PlanSettings settings) {
        String ns = settings.createNamespace();
        if (ns.isEmpty()) {
            return Optional.empty();
        }
        ResourceId id = ResourceId.of("", "v1", "Namespace", "", ns);
        if (desired.contains(id) || live.contains(id)) {
            return Optional.empty();
        }
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("apiVersion", "v1");
        o.put("kind", "Namespace");
        o.putObject("metadata").put("name", ns);
        return Optional.of(Resource.adopt(o, Origin.of("CreateNamespace")));
    }

    private static List<SyncStep> hookSteps(Resource r, String hookValue, int wave, ObjectSyncOptions options) {
        Set<HookDeletePolicy> policies;
        try {
            policies = HookDeletePolicy.parse(SyncAnnotations.read(r, SyncAnnotations.HOOK_DELETE_POLICY).orElse(""));
        } catch (IllegalArgumentException e) {
            throw new InvalidResourceException(r.origin(),
                    "metadata.annotations." + SyncAnnotations.HOOK_DELETE_POLICY, r.id() + ": " + e.getMessage());
        }
        EnumSet<SyncPhase> phases = EnumSet.noneOf(SyncPhase.class);
        List<String> other = new ArrayList<>();
        for (String part : hookValue.split(",")) {
            String p = part.trim();
            if (p.equals("Skip")) {
                return List.of(new SyncStep(r.id(), SyncAction.SKIP, "hook annotation says Skip", SyncPhase.SYNC,
                        wave, r, options, false, Set.of()));
            }
            SyncPhase.fromAnnotation(p).ifPresentOrElse(phases::add, () -> other.add(p));
        }
        if (phases.isEmpty()) {
            return List.of(new SyncStep(r.id(), SyncAction.SKIP, "hook " + String.join(",", other)
                    + " does not run during a sync", SyncPhase.SYNC, wave, r, options, true, policies));
        }
        List<SyncStep> out = new ArrayList<>();
        for (SyncPhase phase : phases) {
            out.add(new SyncStep(r.id(), SyncAction.CREATE, phase.annotationValue() + " hook; delete policy "
                    + policyNames(policies), phase, wave, r, options, true, policies));
        }
        return out;
    }

    private static String policyNames(Set<HookDeletePolicy> policies) {
        return String.join(",", policies.stream().map(HookDeletePolicy::annotationValue).sorted().toList());
    }

    /** Prune steps: reverse wave order, PruneLast after the last sync wave; kept candidates as skips. */
    private static List<SyncStep> pruneSteps(PrunePlan prune, List<SyncStep> syncSteps, PlanSettings settings) {
        TreeMap<Integer, Integer> reversed = new TreeMap<>();
        List<Integer> waves = prune.toPrune().stream().map(d -> wave(d.live())).distinct().sorted().toList();
        for (int i = 0; i < waves.size(); i++) {
            reversed.put(waves.get(i), waves.get(waves.size() - 1 - i));
        }
        int lastWave = 0;
        for (SyncStep s : syncSteps) {
            if (s.phase() == SyncPhase.SYNC) {
                lastWave = Math.max(lastWave, s.wave());
            }
        }
        for (PruneDecision d : prune.toPrune()) {
            lastWave = Math.max(lastWave, reversed.get(wave(d.live())));
        }
        List<SyncStep> out = new ArrayList<>();
        for (PruneDecision d : prune.decisions()) {
            ObjectSyncOptions options = merged(ObjectSyncOptions.of(d.live()), settings);
            int wave = wave(d.live());
            if (d.prunes()) {
                boolean last = settings.prune().pruneLast() || options.pruneLast();
                out.add(step(d.live(), SyncAction.PRUNE, d.reason() + (last ? "; PruneLast" : ""), SyncPhase.SYNC,
                        last ? lastWave + 1 : reversed.get(wave), options));
            } else {
                out.add(step(d.live(), SyncAction.SKIP, "not pruned: " + d.reason(), SyncPhase.SYNC, wave, options));
            }
        }
        return out;
    }

    private static SyncStep step(Resource r, SyncAction action, String reason, SyncPhase phase, int wave,
                                 ObjectSyncOptions options) {
        return new SyncStep(r.id(), action, reason, phase, wave, r, options, false, Set.of());
    }

    private static ObjectSyncOptions merged(ObjectSyncOptions o, PlanSettings s) {
        if (!s.replace() && !s.serverSideApply()) {
            return o;
        }
        return new ObjectSyncOptions(o.pruneDisabled(), o.pruneNeedsConfirmation(), o.deleteDisabled(),
                o.deleteNeedsConfirmation(), o.replace() || s.replace(), o.serverSideApply() || s.serverSideApply(),
                o.skipDryRunOnMissingResource(), o.pruneLast(), o.unknown());
    }

    /** The sync wave of an object (0 when unset). */
    static int wave(Resource r) {
        String v = SyncAnnotations.read(r, SyncAnnotations.SYNC_WAVE).orElse(null);
        if (v == null || v.isBlank()) {
            return 0;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new InvalidResourceException(r.origin(), "metadata.annotations." + SyncAnnotations.SYNC_WAVE,
                    r.id() + ": expected an integer, got \"" + v + "\"");
        }
    }
}
