package dev.kelpie.core.transform;

import dev.kelpie.core.model.Manifests;

/**
 * A step run on rendered manifests before they are planned: add tracking, default namespaces,
 * check API versions, decrypt Sealed Secrets, …. Implementations never mutate their input,
 * return the whole result or throw (a {@link dev.kelpie.core.render.RenderException} naming the
 * object), and are thread-safe.
 */
@FunctionalInterface
public interface Transformer {

    /** The transformed manifests. Warnings go to {@link TransformContext#warn(String)}. */
    Manifests apply(Manifests in, TransformContext ctx);
}
