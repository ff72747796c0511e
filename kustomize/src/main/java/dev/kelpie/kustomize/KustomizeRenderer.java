package dev.kelpie.kustomize;

import dev.kelpie.core.model.Manifests;
import dev.kelpie.core.render.Renderer;
import dev.kelpie.core.source.FileTree;

/**
 * The {@link Renderer} for directories holding a kustomization, with kustomize's defaults.
 * Registered through {@code META-INF/services}. Immutable and thread-safe.
 */
public final class KustomizeRenderer implements Renderer {
    private final Kustomize kustomize;

    /** A renderer with {@link Kustomize#defaults()}. */
    public KustomizeRenderer() {
        this(Kustomize.defaults());
    }

    public KustomizeRenderer(Kustomize kustomize) {
        this.kustomize = java.util.Objects.requireNonNull(kustomize, "kustomize");
    }

    @Override
    public String name() {
        return "kustomize";
    }

    @Override
    public boolean canRender(FileTree tree, String path) {
        return kustomize.isKustomization(tree, path);
    }

    @Override
    public Manifests render(FileTree tree, String path) {
        return kustomize.build(tree, path);
    }
}
