package dev.kelpie.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelpie.core.model.Manifests;
import dev.kelpie.core.model.Resource;
import dev.kelpie.core.model.ResourceId;
import dev.kelpie.core.plan.internal.KindOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Laws of the planner over generated desired, live and inventory sets. */
class PlanProperties {
    private static final String[][] KINDS = {
        {"v1", "ConfigMap"}, {"v1", "Secret"}, {"v1", "Service"}, {"apps/v1", "Deployment"},
        {"batch/v1", "Job"}, {"networking.k8s.io/v1", "Ingress"}, {"example.com/v1", "Widget"},
        {"v1", "ServiceAccount"}, {"v1", "Namespace"},
    };

    /** One generated world: desired, live and inventory. */
    record World(Manifests desired, Manifests live, Inventory inventory) {
    }

    private static Arbitrary<Resource> resources() {
        Arbitrary<Integer> kind = Arbitraries.integers().between(0, KINDS.length - 1);
        Arbitrary<String> name = Arbitraries.strings().withChars("abcdef").ofMinLength(1).ofMaxLength(3);
        Arbitrary<String> ns = Arbitraries.of("a", "b");
        Arbitrary<Integer> wave = Arbitraries.integers().between(-2, 2);
        Arbitrary<String> opts = Arbitraries.of("", "", "", "Prune=false", "Prune=confirm", "PruneLast=true");
        Arbitrary<String> owner = Arbitraries.of("", "", "", "shop", "billing");
        Arbitrary<String> hook = Arbitraries.of("", "", "", "", "PreSync", "PostSync", "Skip", "PreSync,PostSync");
        return Combinators.combine(kind, name, ns, wave, opts, owner, hook, Arbitraries.strings().withChars("xy").ofLength(1))
                .as((k, n, s, w, o, own, h, v) -> {
                    Resource r = Objects.obj(KINDS[k][0], KINDS[k][1], KINDS[k][1].equals("Namespace") ? "" : s,
                                    KINDS[k][1].equals("Namespace") ? s : n)
                            .edit(t -> t.putObject("data").put("v", v));
                    if (w != 0) {
                        r = r.withAnnotation(SyncAnnotations.SYNC_WAVE, Integer.toString(w));
                    }
                    if (!o.isEmpty()) {
                        r = r.withAnnotation(SyncAnnotations.SYNC_OPTIONS, o);
                    }
                    if (!own.isEmpty()) {
                        r = r.withAnnotation(SyncAnnotations.TRACKING_ID, TrackingId.of(own, r.id()).toString());
                    }
                    if (!h.isEmpty()) {
                        r = r.withAnnotation(SyncAnnotations.HOOK, h);
                    }
                    return r;
                });
    }

    private static Manifests unique(List<Resource> rs) {
        Map<ResourceId, Resource> m = new LinkedHashMap<>();
        rs.forEach(r -> m.putIfAbsent(r.id(), r));
        return Manifests.of(new ArrayList<>(m.values()));
    }

    @Provide
    Arbitrary<World> worlds() {
        Arbitrary<List<Resource>> list = resources().list().ofMaxSize(25);
        Arbitrary<List<Boolean>> picks = Arbitraries.of(true, false).list().ofSize(60);
        return Combinators.combine(list, list, picks).as((d, l, p) -> {
            Manifests desired = unique(d);
            Manifests live = unique(l);
            List<ResourceId> inv = new ArrayList<>();
            int i = 0;
            for (Resource r : live) {
                if (p.get(i++ % p.size())) {
                    inv.add(r.id());
                }
            }
            // plus ids that are not live at all
            inv.add(ResourceId.of("v1", "ConfigMap", "a", "ghost"));
            return new World(desired, live, Inventory.of(inv));
        });
    }

    @Provide
    Arbitrary<PrunePolicy> policies() {
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.of(true, false),
                        Arbitraries.integers().between(0, 30), Arbitraries.of(0.0, 0.3, 1.0), Arbitraries.of(true, false))
                .as(PrunePolicy::new);
    }

    @Property(tries = 300)
    void nothingOutsideTheInventoryIsEverPruned(@ForAll("worlds") World w, @ForAll("policies") PrunePolicy policy) {
        SyncPlan plan = Planner.create().plan(w.desired(), w.live(), w.inventory(), PlanSettings.of("shop").withPrune(policy));
        for (SyncStep s : plan.steps(SyncAction.PRUNE)) {
            assertThat(w.inventory().contains(s.id())).isTrue();
            assertThat(w.desired().contains(s.id())).isFalse();
            assertThat(w.live().contains(s.id())).isTrue();
        }
    }

    @Property(tries = 300)
    void guardsHold(@ForAll("worlds") World w, @ForAll("policies") PrunePolicy policy) {
        PrunePlan p = PrunePlanner.create().plan("shop", DesiredState.rendered(w.desired()), w.live(), w.inventory(), policy);
        List<PruneDecision> pruned = p.toPrune();
        if (!policy.enabled()) {
            assertThat(pruned).isEmpty();
        }
        assertThat(pruned.size()).isLessThanOrEqualTo(policy.maxDeletions());
        assertThat((double) pruned.size()).isLessThanOrEqualTo(policy.maxDeletionShare() * w.inventory().size() + 1e-9);
        if (w.desired().isEmpty() && !policy.allowEmpty()) {
            assertThat(pruned).isEmpty();
        }
        for (PruneDecision d : pruned) {
            ObjectSyncOptions o = ObjectSyncOptions.of(d.live());
            assertThat(o.pruneDisabled()).isFalse();
            assertThat(o.pruneNeedsConfirmation() && !policy.confirmed()).isFalse();
            TrackingId.of(d.live()).ifPresent(t -> assertThat(t.app()).isEqualTo("shop"));
        }
        PrunePlan failed = PrunePlanner.create().plan("shop", DesiredState.failed("x"), w.live(), w.inventory(), policy);
        assertThat(failed.toPrune()).isEmpty();
    }

    @Property(tries = 300)
    void plansRespectTheOrderRules(@ForAll("worlds") World w, @ForAll("policies") PrunePolicy policy) {
        SyncPlan plan = Planner.create().plan(w.desired(), w.live(), w.inventory(), PlanSettings.of("shop").withPrune(policy));
        List<SyncStep> steps = plan.steps();
        for (int i = 1; i < steps.size(); i++) {
            SyncStep a = steps.get(i - 1);
            SyncStep b = steps.get(i);
            // phase, then wave, never go backwards
            assertThat(a.phase().ordinal()).isLessThanOrEqualTo(b.phase().ordinal());
            if (a.phase() == b.phase()) {
                assertThat(a.wave()).isLessThanOrEqualTo(b.wave());
                boolean moved = a.id().kind().equals("Namespace") || b.id().kind().equals("Namespace");
                if (a.wave() == b.wave() && !moved) {
                    int ka = KindOrder.rank(a.id().kind());
                    int kb = KindOrder.rank(b.id().kind());
                    assertThat(ka).isLessThanOrEqualTo(kb);
                    if (ka == kb) {
                        assertThat(a.id().name().compareTo(b.id().name())).isLessThanOrEqualTo(0);
                    }
                }
            }
        }
        // every prune wave ordering is the mirror of the sync-wave order of the pruned objects
        List<SyncStep> prunes = plan.steps(SyncAction.PRUNE).stream()
                .filter(s -> !s.reason().endsWith("PruneLast")).toList();
        for (int i = 1; i < prunes.size(); i++) {
            assertThat(Planner.wave(prunes.get(i - 1).object())).isGreaterThanOrEqualTo(Planner.wave(prunes.get(i).object()));
        }
        // every desired object appears, hooks once per phase
        for (Resource r : w.desired()) {
            assertThat(steps).anySatisfy(s -> assertThat(s.id()).isEqualTo(r.id()));
        }
        // a Namespace comes before every object in it
        for (int i = 0; i < steps.size(); i++) {
            SyncStep s = steps.get(i);
            if (s.id().kind().equals("Namespace") && s.action() != SyncAction.PRUNE) {
                for (int j = 0; j < i; j++) {
                    SyncStep before = steps.get(j);
                    if (before.action() != SyncAction.PRUNE) {
                        assertThat(before.id().namespace()).as("%s before %s", before, s).isNotEqualTo(s.id().name());
                    }
                }
            }
        }
    }
}
