package dev.kelpie.core.render;

import dev.kelpie.core.model.DuplicateResourceException;
import dev.kelpie.core.model.InvalidResourceException;
import dev.kelpie.core.model.Manifests;
import dev.kelpie.core.source.FileTree;
import dev.kelpie.core.source.NoSuchPathException;
import dev.kelpie.core.transform.ApiVersionCheck;
import dev.kelpie.core.transform.NamespaceTransformer;
import dev.kelpie.core.transform.TrackingTransformer;
import dev.kelpie.core.transform.TransformContext;
import dev.kelpie.core.transform.Transformer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders a path of a tree and runs the transformers: the first renderer that recognises the
 * path (e.g. kustomize, where a kustomization file exists) renders it, else the directory
 * renderer. A path that does not exist is an error, never an empty render. Transformers then
 * run in this order, each a stage with a reason:
 * <ol>
 *   <li>destination-namespace defaulting, so later stages see final ids;</li>
 *   <li>the caller's transformers (e.g. Sealed Secrets decryption), in the order added;</li>
 *   <li>the API version check for the target Kubernetes version;</li>
 *   <li>tracking, last, so it marks every object with its final id.</li>
 * </ol>
 *
 * <pre>{@code
 * RenderPipeline pipeline = RenderPipeline.builder().discoverRenderers().build();
 * RenderResult r = pipeline.render(snapshot.tree(), "overlays/prod",
 *         TransformContext.builder().app("shop").destinationNamespace("prod").build());
 * }</pre>
 *
 * Immutable and thread-safe.
 */
public final class RenderPipeline {
    private static final Logger LOG = LoggerFactory.getLogger(RenderPipeline.class);
    private final List<Renderer> renderers;
    private final DirectoryRenderer directory;
    private final List<Transformer> transformers;
    private final Transformer apiCheck;

    private RenderPipeline(Builder b) {
        this.renderers = List.copyOf(b.renderers);
        this.directory = b.directory;
        this.transformers = List.copyOf(b.transformers);
        this.apiCheck = b.apiCheck;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The renderer that will render the path. */
    public Renderer rendererFor(FileTree tree, String path) {
        for (Renderer r : renderers) {
            if (r.canRender(tree, path)) {
                return r;
            }
        }
        return directory;
    }

    /** Renders without an application context: no namespace defaulting, no tracking. */
    public RenderResult render(FileTree tree, String path) {
        return render(tree, path, TransformContext.builder().build());
    }

    /**
     * Renders and transforms.
     *
     * @throws NoSuchPathException when the path does not exist
     * @throws RenderException when rendering or a transformer fails
     */
    public RenderResult render(FileTree tree, String path, TransformContext ctx) {
        Objects.requireNonNull(tree, "tree");
        Objects.requireNonNull(ctx, "ctx");
        String p = FileTree.normalize(path);
        if (!tree.exists(p)) {
            throw new NoSuchPathException(tree.describe(), p);
        }
        Renderer renderer = rendererFor(tree, p);
        LOG.debug("rendering {}:{} with {}", tree.describe(), p, renderer.name());
        Manifests m = renderer.render(tree, p);
        try {
            m = new NamespaceTransformer().apply(m, ctx);
            for (Transformer t : transformers) {
                m = t.apply(m, ctx);
            }
            m = apiCheck.apply(m, ctx);
            m = new TrackingTransformer().apply(m, ctx);
        } catch (DuplicateResourceException | InvalidResourceException e) {
            // e.g. namespace defaulting made two objects collide: still a failed render, never a prune
            throw new RenderException(tree.describe() + ":" + p + ": " + e.getMessage(), e);
        }
        return new RenderResult(m, renderer.name(), ctx.warnings());
    }

    /** Pipeline settings. Not thread-safe; confine to one thread. */
    public static final class Builder {
        private final List<Renderer> renderers = new ArrayList<>();
        private DirectoryRenderer directory = DirectoryRenderer.defaults();
        private final List<Transformer> transformers = new ArrayList<>();
        private Transformer apiCheck = ApiVersionCheck.warning();

        private Builder() {
        }

        /** Adds a renderer, tried in the order added, before the directory renderer. */
        public Builder renderer(Renderer r) {
            renderers.add(Objects.requireNonNull(r, "renderer"));
            return this;
        }

        /** Adds every {@link Renderer} found through {@link ServiceLoader} on the class path. */
        public Builder discoverRenderers() {
            return discoverRenderers(Thread.currentThread().getContextClassLoader());
        }

        public Builder discoverRenderers(ClassLoader loader) {
            for (Renderer r : ServiceLoader.load(Renderer.class, loader)) {
                renderers.add(r);
            }
            return this;
        }

        /** The fallback for folders no other renderer recognises. */
        public Builder directory(DirectoryRenderer d) {
            this.directory = Objects.requireNonNull(d, "directory");
            return this;
        }

        /** Adds a transformer, run after namespace defaulting and before the API check and tracking. */
        public Builder transformer(Transformer t) {
            transformers.add(Objects.requireNonNull(t, "transformer"));
            return this;
        }

        /** Fail the render on API versions the target Kubernetes version removed (default: warn). */
        public Builder failOnRemovedApis(boolean fail) {
            this.apiCheck = fail ? ApiVersionCheck.failingOnRemoved() : ApiVersionCheck.warning();
            return this;
        }

        public RenderPipeline build() {
            return new RenderPipeline(this);
        }
    }
}
