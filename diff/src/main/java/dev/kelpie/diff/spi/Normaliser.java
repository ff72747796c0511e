package dev.kelpie.diff.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Removes a known false difference before live and predicted objects are compared: it is run
 * on both, after Kelpie's own normalisation and before ignore rules. It receives a private
 * working copy it may change in place; it must be idempotent (normalising twice equals once)
 * and must not keep the object. Implementations must be thread-safe: one differ serves many
 * threads.
 *
 * <pre>{@code
 * Normaliser dropRevision = object -> {
 *     if (object.path("metadata").path("annotations").isObject()) {
 *         ((ObjectNode) object.get("metadata").get("annotations")).remove("deployment.kubernetes.io/revision");
 *     }
 * };
 * }</pre>
 */
@FunctionalInterface
public interface Normaliser {

    /** Normalises {@code object} (a Kubernetes object: apiVersion, kind, metadata, ...) in place. */
    void normalise(ObjectNode object);
}
