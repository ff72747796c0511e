package dev.kelpie.core.render;

import dev.kelpie.core.model.Manifests;
import java.util.List;
import java.util.Objects;

/**
 * A successful render: the transformed manifests, which renderer produced them, and the
 * warnings transformers reported. Immutable and thread-safe.
 */
public record RenderResult(Manifests manifests, String renderer, List<String> warnings) {
    public RenderResult {
        Objects.requireNonNull(manifests, "manifests");
        Objects.requireNonNull(renderer, "renderer");
        warnings = List.copyOf(warnings);
    }
}
