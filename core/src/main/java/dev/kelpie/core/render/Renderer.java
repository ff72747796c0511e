package dev.kelpie.core.render;

import dev.kelpie.core.model.Manifests;
import dev.kelpie.core.source.FileTree;

/**
 * Turns a path of a {@link FileTree} into manifests: plain YAML directories, kustomize, ….
 * Implementations are found through {@link java.util.ServiceLoader} (file
 * {@code META-INF/services/dev.kelpie.core.render.Renderer}) or passed in explicitly.
 * Implementations are thread-safe: one instance renders many trees at once.
 */
public interface Renderer {

    /** A short name, e.g. {@code kustomize} or {@code directory}. */
    String name();

    /** Whether this renderer recognises the path (e.g. it holds a kustomization file). */
    boolean canRender(FileTree tree, String path);

    /**
     * Renders the path. Returns the whole result or throws: never a partial result.
     *
     * @throws RenderException (or a subtype) naming the file and field at fault
     * @throws dev.kelpie.core.source.SourceException when the tree cannot be read
     */
    Manifests render(FileTree tree, String path);
}
