package dev.kelpie.core.plan;

import dev.kelpie.core.model.Manifests;
import dev.kelpie.core.model.Resource;
import dev.kelpie.core.model.ResourceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides what a prune deletes. Only objects the {@link Inventory} holds, that Git no longer
 * holds and that are still live are candidates; nothing else is ever deleted. Guards, each with
 * a clear refusal or reason:
 * <ol>
 *   <li>a failed render never prunes;</li>
 *   <li>an object whose tracking id names another application (or another object) stays;</li>
 *   <li>prune off keeps everything;</li>
 *   <li>{@code Prune=false}/{@code Delete=false} keep the object; {@code Prune=confirm} keeps it
 *       until the policy is confirmed;</li>
 *   <li>an empty render with a non-empty inventory is refused unless allowEmpty;</li>
 *   <li>more deletions than the maximum number or share is refused.</li>
 * </ol>
 * Stateless, immutable and thread-safe.
 */
public final class PrunePlanner {

    private PrunePlanner() {
    }

    public static PrunePlanner create() {
        return new PrunePlanner();
    }

    /** The prune plan of application {@code app}. */
    public PrunePlan plan(String app, DesiredState desired, Manifests live, Inventory inventory, PrunePolicy policy) {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(desired, "desired");
        Objects.requireNonNull(live, "live");
        Objects.requireNonNull(inventory, "inventory");
        Objects.requireNonNull(policy, "policy");
        List<ResourceId> candidates = inventory.members().stream()
                .filter(id -> live.contains(id))
                .filter(id -> !(desired instanceof DesiredState.Rendered r && r.manifests().contains(id)))
                .sorted()
                .toList();
        if (desired instanceof DesiredState.RenderFailed f) {
            PruneRefusal refusal = new PruneRefusal(PruneRefusal.Guard.RENDER_FAILED,
                    "render failed, nothing is pruned: " + f.error());
            return refuseAll(candidates, live, refusal);
        }
        List<PruneDecision> decisions = new ArrayList<>();
        int deletions = 0;
        for (ResourceId id : candidates) {
            PruneDecision d = judge(app, live.get(id).orElseThrow(), policy);
            decisions.add(d);
            if (d.prunes()) {
                deletions++;
            }
        }
        List<PruneRefusal> refusals = guards(((DesiredState.Rendered) desired).manifests(), inventory, policy, deletions);
        if (refusals.isEmpty()) {
            return new PrunePlan(decisions, List.of());
        }
        String because = refusals.get(0).message();
        List<PruneDecision> kept = decisions.stream()
                .map(d -> d.prunes() ? new PruneDecision(d.id(), d.live(), PruneDecision.Verdict.KEEP_REFUSED, because) : d)
                .toList();
        return new PrunePlan(kept, refusals);
    }

    private static PruneDecision judge(String app, Resource r, PrunePolicy policy) {
        Optional<TrackingId> tracking = TrackingId.of(r);
        if (tracking.isPresent() && !tracking.get().app().equals(app)) {
            return new PruneDecision(r.id(), r, PruneDecision.Verdict.KEEP_OWNED_ELSEWHERE,
                    "tracking id names application '" + tracking.get().app() + "'");
        }
        if (tracking.isPresent() && !tracking.get().names(r.id())) {
            return new PruneDecision(r.id(), r, PruneDecision.Verdict.KEEP_OWNED_ELSEWHERE,
                    "tracking id names another object (" + tracking.get() + "); copied, not ours");
        }
        if (!policy.enabled()) {
            return new PruneDecision(r.id(), r, PruneDecision.Verdict.KEEP_PRUNE_DISABLED, "prune is disabled");
        }
        ObjectSyncOptions o = ObjectSyncOptions.of(r);
        if (o.pruneDisabled() || o.deleteDisabled()) {
            return new PruneDecision(r.id(), r, PruneDecision.Verdict.KEEP_ANNOTATED,
                    (o.pruneDisabled() ? "Prune=false" : "Delete=false") + " on the object");
        }
        if ((o.pruneNeedsConfirmation() || o.deleteNeedsConfirmation()) && !policy.confirmed()) {
            return new PruneDecision(r.id(), r, PruneDecision.Verdict.KEEP_NEEDS_CONFIRMATION,
                    (o.pruneNeedsConfirmation() ? "Prune=confirm" : "Delete=confirm") + ": waiting for confirmation");
        }
        return new PruneDecision(r.id(), r, PruneDecision.Verdict.PRUNE, "no longer in Git; in this application's inventory");
    }

    private static List<PruneRefusal> guards(Manifests desired, Inventory inventory, PrunePolicy policy, int deletions) {
        List<PruneRefusal> out = new ArrayList<>();
        if (!policy.enabled()) {
            return out;
        }
        if (desired.isEmpty() && !inventory.isEmpty() && !policy.allowEmpty()) {
            out.add(new PruneRefusal(PruneRefusal.Guard.EMPTY_RENDER, "render is empty but the inventory holds "
                    + inventory.size() + " objects (e.g. " + inventory.members().stream().sorted().findFirst().orElseThrow()
                    + "); set allowEmpty to prune them all"));
        }
        if (deletions > policy.maxDeletions()) {
            out.add(new PruneRefusal(PruneRefusal.Guard.MAX_DELETIONS,
                    deletions + " deletions exceed the maximum of " + policy.maxDeletions()));
        }
        if (!inventory.isEmpty() && deletions > 0 && (double) deletions / inventory.size() > policy.maxDeletionShare()) {
            out.add(new PruneRefusal(PruneRefusal.Guard.MAX_DELETION_SHARE, String.format(java.util.Locale.ROOT,
                    "%d of %d inventory objects (%.0f%%) exceed the maximum share of %.0f%%", deletions,
                    inventory.size(), 100.0 * deletions / inventory.size(), 100 * policy.maxDeletionShare())));
        }
        return out;
    }

    private static PrunePlan refuseAll(List<ResourceId> candidates, Manifests live, PruneRefusal refusal) {
        List<PruneDecision> kept = candidates.stream()
                .map(id -> new PruneDecision(id, live.get(id).orElseThrow(), PruneDecision.Verdict.KEEP_REFUSED,
                        refusal.message()))
                .toList();
        return new PrunePlan(kept, List.of(refusal));
    }
}
