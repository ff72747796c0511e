package dev.kelpie.core.transform;

import dev.kelpie.core.model.KindScopes;
import dev.kelpie.core.model.Manifests;
import dev.kelpie.core.model.Resource;

/**
 * Puts namespaced objects that have no namespace into the destination namespace, as Argo CD
 * does. Scopes come from the context plus the CRDs in the manifests; a kind neither knows is
 * treated as namespaced (kubectl's default). Objects that already name a namespace, and
 * cluster-scoped kinds, are left alone. Immutable and thread-safe.
 */
public final class NamespaceTransformer implements Transformer {

    @Override
    public Manifests apply(Manifests in, TransformContext ctx) {
        String ns = ctx.destinationNamespace();
        if (ns.isEmpty()) {
            return in;
        }
        KindScopes scopes = ctx.scopes();
        for (Resource r : in) {
            if (r.kind().equals("CustomResourceDefinition") && r.id().group().equals("apiextensions.k8s.io")) {
                scopes = scopes.withCustomResourceDefinition(r);
            }
        }
        KindScopes known = scopes;
        return in.map(r -> r.namespace().isEmpty() && known.isNamespacedOrUnknown(r.id()) ? r.withNamespace(ns) : r);
    }
}
