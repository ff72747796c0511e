package dev.kelpie.core.plan;

import static dev.kelpie.core.plan.Objects.cm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelpie.core.model.Manifests;
import dev.kelpie.core.model.Resource;
import org.junit.jupiter.api.Test;

class PrunePlannerTest {
    private final PrunePlanner planner = PrunePlanner.create();
    private final Resource a = cm("a", "1");
    private final Resource b = cm("b", "1");
    private final Resource c = cm("c", "1");
    private final Manifests live = Manifests.of(a, b, c);

    private PrunePlan plan(Manifests desired, Inventory inv, PrunePolicy policy) {
        return planner.plan("shop", DesiredState.rendered(desired), live, inv, policy);
    }

    @Test
    void prunesOnlyInventoryMembersThatLeftGit() {
        PrunePlan p = plan(Manifests.of(a), Inventory.of(a.id(), b.id()), PrunePolicy.on());
        assertThat(p.prunedIds()).containsExactly(b.id());
        assertThat(p.decisions()).extracting(PruneDecision::id).doesNotContain(c.id());
    }

    @Test
    void emptyRenderWithNonEmptyInventoryIsRefused() {
        PrunePlan p = plan(Manifests.empty(), Inventory.of(a.id()), PrunePolicy.on());
        assertThat(p.isRefused()).isTrue();
        assertThat(p.toPrune()).isEmpty();
        assertThat(p.refusal().orElseThrow().message()).contains("ConfigMap app/a").contains("allowEmpty");
        assertThatThrownBy(p::orThrow).isInstanceOf(PruneRefusedException.class).hasMessageContaining("render is empty");
        assertThat(plan(Manifests.empty(), Inventory.of(a.id()), PrunePolicy.on().withAllowEmpty(true)).prunedIds())
                .containsExactly(a.id());
    }

    @Test
    void failedRenderNeverPrunes() {
        PrunePlan p = planner.plan("shop", DesiredState.failed("boom"), live, Inventory.of(a.id(), b.id()), PrunePolicy.on());
        assertThat(p.toPrune()).isEmpty();
        assertThat(p.kept()).hasSize(2).allSatisfy(d -> assertThat(d.verdict()).isEqualTo(PruneDecision.Verdict.KEEP_REFUSED));
        assertThat(p.refusal().orElseThrow().guard()).isEqualTo(PruneRefusal.Guard.RENDER_FAILED);
    }

    @Test
    void deletionLimitsRefuse() {
        Inventory inv = Inventory.of(a.id(), b.id(), c.id());
        Manifests none = Manifests.of(cm("z", "1"));
        assertThat(plan(none, inv, PrunePolicy.on().withMaxDeletions(2)).refusal().orElseThrow().guard())
                .isEqualTo(PruneRefusal.Guard.MAX_DELETIONS);
        assertThat(plan(none, inv, PrunePolicy.on().withMaxDeletionShare(0.5)).refusal().orElseThrow().message())
                .contains("3 of 3");
        assertThat(plan(none, inv, PrunePolicy.on().withMaxDeletions(3)).prunedIds()).hasSize(3);
    }

    @Test
    void annotationsAndOwnershipKeepObjects() {
        Resource off = cm("off", "1").withAnnotation(SyncAnnotations.SYNC_OPTIONS, "Prune=false");
        Resource confirm = cm("confirm", "1").withAnnotation(SyncAnnotations.SYNC_OPTIONS, "Prune=confirm");
        Resource theirs = cm("theirs", "1").withAnnotation(SyncAnnotations.TRACKING_ID, "billing:/ConfigMap:app/theirs");
        Resource copied = cm("copied", "1").withAnnotation(SyncAnnotations.TRACKING_ID, "shop:/ConfigMap:app/original");
        Manifests l = Manifests.of(off, confirm, theirs, copied);
        Inventory inv = Inventory.of(off.id(), confirm.id(), theirs.id(), copied.id());
        PrunePlan p = planner.plan("shop", DesiredState.rendered(Manifests.of(a)), l, inv, PrunePolicy.on());
        assertThat(p.toPrune()).isEmpty();
        assertThat(p.kept()).extracting(PruneDecision::verdict).containsExactlyInAnyOrder(
                PruneDecision.Verdict.KEEP_ANNOTATED, PruneDecision.Verdict.KEEP_NEEDS_CONFIRMATION,
                PruneDecision.Verdict.KEEP_OWNED_ELSEWHERE, PruneDecision.Verdict.KEEP_OWNED_ELSEWHERE);
        PrunePlan confirmed = planner.plan("shop", DesiredState.rendered(Manifests.of(a)), l, inv,
                PrunePolicy.on().withConfirmed(true));
        assertThat(confirmed.prunedIds()).containsExactly(confirm.id());
    }

    @Test
    void pruneOffKeepsEverythingWithAReason() {
        PrunePlan p = plan(Manifests.of(a), Inventory.of(b.id()), PrunePolicy.off());
        assertThat(p.toPrune()).isEmpty();
        assertThat(p.kept().get(0).reason()).isEqualTo("prune is disabled");
        assertThat(p.isRefused()).isFalse();
    }
}
