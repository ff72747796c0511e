package dev.kelpie.core.transform;

import dev.kelpie.core.model.Manifests;
import dev.kelpie.core.plan.SyncAnnotations;
import dev.kelpie.core.plan.TrackingId;

/**
 * Marks every object as the application's: annotation
 * {@code kelpie.dev/tracking-id: <app>:<group>/<kind>:<namespace>/<name>} and, when the context
 * names an ApplySet parent, the label {@code applyset.kubernetes.io/part-of: <id>}. Run it
 * last, after namespaces are final. Without an application name it changes nothing.
 * Immutable and thread-safe.
 */
public final class TrackingTransformer implements Transformer {

    @Override
    public Manifests apply(Manifests in, TransformContext ctx) {
        if (ctx.app().isEmpty()) {
            return in;
        }
        String partOf = ctx.applySetParent().map(p -> p.id()).orElse("");
        return in.map(r -> {
            var tracked = r.withAnnotation(SyncAnnotations.TRACKING_ID, TrackingId.of(ctx.app(), r.id()).toString());
            return partOf.isEmpty() ? tracked : tracked.withLabel(SyncAnnotations.APPLYSET_PART_OF, partOf);
        });
    }
}
