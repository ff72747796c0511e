package dev.kelpie.core.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.core.app.IgnoreRule;
import dev.kelpie.core.model.InvalidResourceException;
import dev.kelpie.core.model.Manifests;
import dev.kelpie.core.model.Resource;
import dev.kelpie.core.plan.internal.StepOrder;
import dev.kelpie.core.plan.internal.ThreeWayComparison;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Computes a {@link SyncPlan} from desired state, live state and the inventory, all given:
 * pure, no cluster access.
 *
 * <p>Each desired object becomes a step: a hook (per {@code argocd.argoproj.io/hook}) runs in
 * its phase; any other object is created when absent, updated when the {@link LiveComparison}
 * says it drifted, unchanged otherwise, or skipped when its live copy belongs to another
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
    private final LiveComparison comparison;
    private final PrunePlanner prunePlanner = PrunePlanner.create();

    private Planner(LiveComparison comparison) {
        this.comparison = comparison;
    }

    /** A planner with the built-in three-way comparison. */
    public static Planner create() {
        return new Planner(new ThreeWayComparison());
    }

    /** A planner that judges drift with {@code comparison} (e.g. the diff module's). */
    public static Planner withComparison(LiveComparison comparison) {
        return new Planner(Objects.requireNonNull(comparison, "comparison"));
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
        for (Resource r : rendered.manifests()) {
            steps.addAll(stepsFor(r, live, settings, problems));
        }
        steps.addAll(pruneSteps(prune, steps, settings));
        prune.refusals().forEach(f -> problems.add("prune refused (" + f.guard() + "): " + f.message()));
        return new SyncPlan(settings.app(), StepOrder.order(steps), prune, problems, settings.applyOutOfSyncOnly());
    }

    private List<SyncStep> stepsFor(Resource r, Manifests live, PlanSettings settings, List<String> problems) {
        ObjectSyncOptions options = merged(ObjectSyncOptions.of(r), settings);
        int wave = wave(r);
        String hook = r.annotations().get(SyncAnnotations.HOOK);
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
        LiveComparison.Verdict v = comparison.compare(withoutIgnored(r, settings), withoutIgnored(current.get(), settings));
        if (v.inSync()) {
            return List.of(step(r, SyncAction.UNCHANGED, v.reason(), SyncPhase.SYNC, wave, options));
        }
        String how = options.replace() ? "; replace" : options.serverSideApply() ? "; server-side apply" : "";
        return List.of(step(r, SyncAction.UPDATE, v.reason() + how, SyncPhase.SYNC, wave, options));
    }

    private static List<SyncStep> hookSteps(Resource r, String hookValue, int wave, ObjectSyncOptions options) {
        Set<HookDeletePolicy> policies;
        try {
            policies = HookDeletePolicy.parse(r.annotations().getOrDefault(SyncAnnotations.HOOK_DELETE_POLICY, ""));
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
        String v = r.annotations().get(SyncAnnotations.SYNC_WAVE);
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

    /** The object without the fields the ignore rules name (so the comparison never sees them). */
    private static Resource withoutIgnored(Resource r, PlanSettings settings) {
        List<String> pointers = new ArrayList<>();
        for (IgnoreRule rule : settings.ignoreRules()) {
            if (rule.matches(r.id())) {
                pointers.addAll(rule.jsonPointers());
            }
        }
        if (pointers.isEmpty()) {
            return r;
        }
        return r.edit(tree -> pointers.forEach(p -> removePointer(tree, p)));
    }

    private static void removePointer(ObjectNode tree, String pointer) {
        if (!pointer.startsWith("/")) {
            return;
        }
        String[] parts = pointer.substring(1).split("/", -1);
        JsonNode parent = tree;
        for (int i = 0; i < parts.length - 1 && parent != null; i++) {
            parent = child(parent, unescape(parts[i]));
        }
        String last = unescape(parts[parts.length - 1]);
        if (parent instanceof ObjectNode o) {
            o.remove(last);
        } else if (parent instanceof ArrayNode a && last.matches("\\d+") && Integer.parseInt(last) < a.size()) {
            a.remove(Integer.parseInt(last));
        }
    }

    private static JsonNode child(JsonNode n, String key) {
        if (n.isObject()) {
            return n.get(key);
        }
        if (n.isArray() && key.matches("\\d+")) {
            return n.get(Integer.parseInt(key));
        }
        return null;
    }

    private static String unescape(String s) {
        return s.replace("~1", "/").replace("~0", "~");
    }
}
