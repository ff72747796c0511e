package dev.kelpie.core.plan.internal;

import dev.kelpie.core.plan.SyncAction;
import dev.kelpie.core.plan.SyncStep;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Orders sync steps as Argo CD's gitops-engine does: phase, wave, kind order, name (then
 * namespace and group, so equal names order deterministically); then a Namespace moves ahead
 * of the first object in it, and a CRD ahead of the first object of its kind, taking that
 * object's phase and wave. Prune steps take no part in the dependency moves (upstream skips
 * tasks without a target object). Stateless.
 */
public final class StepOrder {
    public static final Comparator<SyncStep> ORDER = Comparator
            .comparingInt((SyncStep s) -> s.phase().ordinal())
            .thenComparingInt(SyncStep::wave)
            .thenComparingInt(s -> KindOrder.rank(s.id().kind()))
            .thenComparing(s -> s.id().name())
            .thenComparing(s -> s.id().namespace())
            .thenComparing(s -> s.id().group());

    private StepOrder() {
    }

    public static List<SyncStep> order(List<SyncStep> steps) {
        List<SyncStep> s = sorted(steps);
        // Namespaces before the objects that live in them
        if (s.stream().anyMatch(t -> t.action() != SyncAction.PRUNE && isNamespace(t))) {
            adjust(s, t -> isNamespace(t) ? Optional.of(t.id().name()) : Optional.empty(),
                    t -> t.id().namespace().isEmpty() ? Optional.empty() : Optional.of(t.id().namespace()));
        }
        // CRDs before the custom resources of their kind
        if (s.stream().anyMatch(t -> t.action() != SyncAction.PRUNE && crdKey(t).isPresent())) {
            adjust(s, StepOrder::crdKey, t -> Optional.of(t.id().group() + "/" + t.id().kind()));
        }
        return s;
    }

    /** By {@link #ORDER} (stable), with the kind rank of each step looked up once rather than per comparison. */
    private static List<SyncStep> sorted(List<SyncStep> steps) {
        Keyed[] keyed = new Keyed[steps.size()];
        for (int i = 0; i < keyed.length; i++) {
            keyed[i] = new Keyed(steps.get(i));
        }
        Arrays.sort(keyed, Keyed::compare);
        List<SyncStep> s = new ArrayList<>(keyed.length);
        for (Keyed k : keyed) {
            s.add(k.step());
        }
        return s;
    }

    /** A step with its phase, wave and kind rank, for sorting. */
    private record Keyed(SyncStep step, int phase, int wave, int rank) {
        Keyed(SyncStep step) {
            this(step, step.phase().ordinal(), step.wave(), KindOrder.rank(step.id().kind()));
        }

        static int compare(Keyed a, Keyed b) {
            int c = Integer.compare(a.phase, b.phase);
            if (c == 0) {
                c = Integer.compare(a.wave, b.wave);
            }
            if (c == 0) {
                c = Integer.compare(a.rank, b.rank);
            }
            if (c == 0) {
                c = a.step.id().name().compareTo(b.step.id().name());
            }
            if (c == 0) {
                c = a.step.id().namespace().compareTo(b.step.id().namespace());
            }
            return c != 0 ? c : a.step.id().group().compareTo(b.step.id().group());
        }
    }

    private static boolean isNamespace(SyncStep t) {
        return t.id().group().isEmpty() && t.id().kind().equals("Namespace");
    }

    private static Optional<String> crdKey(SyncStep t) {
        if (!t.id().kind().equals("CustomResourceDefinition") || !t.id().group().equals("apiextensions.k8s.io")) {
            return Optional.empty();
        }
        var spec = t.object().unsafeTree().path("spec");
        String group = spec.path("group").asText("");
        String kind = spec.path("names").path("kind").asText("");
        return group.isEmpty() || kind.isEmpty() ? Optional.empty() : Optional.of(group + "/" + kind);
    }

    private static void adjust(List<SyncStep> s, Function<SyncStep, Optional<String>> isDep,
                               Function<SyncStep, Optional<String>> refersTo) {
        Map<String, Integer> firstUser = new HashMap<>();
        for (int i = 0; i < s.size(); i++) {
            SyncStep t = s.get(i);
            if (t.action() == SyncAction.PRUNE) {
                continue;
            }
            Optional<String> dep = isDep.apply(t);
            if (dep.isPresent()) {
                Integer index = firstUser.get(dep.get());
                if (index != null) {
                    SyncStep user = s.get(index);
                    s.remove(i);
                    s.add(index, t.at(user.phase(), user.wave()));
                    for (Map.Entry<String, Integer> e : firstUser.entrySet()) {
                        if (e.getValue() >= index) {
                            e.setValue(e.getValue() + 1);
                        }
                    }
                }
            } else {
                Optional<String> ref = refersTo.apply(t);
                if (ref.isPresent()) {
                    firstUser.putIfAbsent(ref.get(), i);
                }
            }
        }
    }
}
