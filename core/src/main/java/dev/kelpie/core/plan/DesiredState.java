package dev.kelpie.core.plan;

import dev.kelpie.core.model.Manifests;
import java.util.Objects;

/**
 * The outcome of rendering, as planning sees it: the manifests, or the fact that the render
 * failed (which must never lead to a prune). Immutable and thread-safe.
 */
public sealed interface DesiredState {

    static DesiredState rendered(Manifests manifests) {
        return new Rendered(manifests);
    }

    static DesiredState failed(String error) {
        return new RenderFailed(error);
    }

    /** Rendering succeeded. */
    record Rendered(Manifests manifests) implements DesiredState {
        public Rendered {
            Objects.requireNonNull(manifests, "manifests");
        }
    }

    /** Rendering failed with this message. */
    record RenderFailed(String error) implements DesiredState {
        public RenderFailed {
            Objects.requireNonNull(error, "error");
        }
    }
}
