package dev.kelpie.kustomize;

import dev.kelpie.core.model.Manifests;
import dev.kelpie.core.model.Resource;
import dev.kelpie.core.source.FileTree;
import dev.kelpie.core.source.SourceException;
import dev.kelpie.kustomize.internal.Build;
import java.util.List;
import java.util.Objects;

/**
 * {@code kustomize build} in Java: renders the kustomization at a path of a {@link FileTree}
 * into {@link Manifests}, in kustomize's output order.
 *
 * <pre>{@code
 * Kustomize kustomize = Kustomize.builder().reorder(Reorder.LEGACY).build();
 * Manifests m = kustomize.build(tree, "overlays/prod");
 * }</pre>
 *
 * Nothing outside the tree is ever read, and helm charts are refused. Remote Git resources
 * are refused unless {@link Builder#remoteResources} enables them; a remote kustomization is
 * then built from its own repository, nothing outside it read.
 * Immutable and thread-safe: one instance renders many trees at once (each build keeps its
 * state to itself).
 */
public final class Kustomize {
    /** The managed-by label value kubectl's embedded kustomize writes. */
    public static final String MANAGED_BY_VALUE = "kustomize-(devel)";
    private final LoadRestrictor loadRestrictor;
    private final Reorder reorder;
    private final boolean managedByLabel;
    private final RemoteResources remoteResources;
    private final boolean parallel;

    private Kustomize(Builder b) {
        this.parallel = b.parallel;
        this.loadRestrictor = b.loadRestrictor;
        this.reorder = b.reorder;
        this.managedByLabel = b.managedByLabel;
        this.remoteResources = b.remoteResources;
    }

    /** Defaults: files only under each kustomization's root, legacy order, no managed-by label. */
    public static Kustomize defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public LoadRestrictor loadRestrictor() {
        return loadRestrictor;
    }

    public Reorder reorder() {
        return reorder;
    }

    public boolean managedByLabel() {
        return managedByLabel;
    }

    /** Whether independent kustomizations of one build are accumulated in parallel. */
    public boolean parallel() {
        return parallel;
    }

    /** Whether and how remote Git entries are fetched ({@link RemoteResources#refused()} by default). */
    public RemoteResources remoteResources() {
        return remoteResources;
    }

    /**
     * Renders the kustomization in directory {@code path} of {@code tree}.
     *
     * @throws KustomizeException (or a subtype) naming the kustomization file and field at fault;
     *     {@link RemoteResourceException} for a refused or unfetchable remote entry
     * @throws SourceException when the tree cannot be read
     * @throws dev.kelpie.core.model.DuplicateResourceException when two output objects share an id
     */
    public Manifests build(FileTree tree, String path) {
        return Manifests.of(buildList(tree, path));
    }

    /**
     * As {@link #build}, as a list: kustomize allows two objects that differ only in API version,
     * which {@link Manifests} (whose identity ignores versions) does not hold.
     */
    public List<Resource> buildList(FileTree tree, String path) {
        Objects.requireNonNull(tree, "tree");
        Objects.requireNonNull(path, "path");
        return Build.run(tree, path, new Build.Options(loadRestrictor, reorder, managedByLabel, MANAGED_BY_VALUE,
                remoteResources, parallel));
    }

    /** Whether {@code path} holds a kustomization file. */
    public boolean isKustomization(FileTree tree, String path) {
        return tree.isDirectory(path) && Build.hasKustomization(tree, path);
    }

    /** Options for a {@link Kustomize}. Not thread-safe. */
    public static final class Builder {
        private LoadRestrictor loadRestrictor = LoadRestrictor.ROOT_ONLY;
        private Reorder reorder = Reorder.LEGACY;
        private boolean managedByLabel;
        private RemoteResources remoteResources = RemoteResources.refused();
        private boolean parallel = true;

        private Builder() {
        }

        public Builder loadRestrictor(LoadRestrictor r) {
            this.loadRestrictor = Objects.requireNonNull(r, "loadRestrictor");
            return this;
        }

        public Builder reorder(Reorder r) {
            this.reorder = Objects.requireNonNull(r, "reorder");
            return this;
        }

        /** Adds {@code app.kubernetes.io/managed-by} to every object. */
        public Builder managedByLabel(boolean on) {
            this.managedByLabel = on;
            return this;
        }

        /**
         * Whether remote Git entries of {@code resources:} and {@code components:} are fetched
         * (default {@link RemoteResources#refused()}: they fail the build, naming the URL).
         */
        public Builder remoteResources(RemoteResources r) {
            this.remoteResources = Objects.requireNonNull(r, "remoteResources");
            return this;
        }

        /**
         * Whether a build accumulates independent kustomizations (the overlays of a cluster, the
         * services of a base) on several processors (default true). The output and the errors
         * are the same either way.
         */
        public Builder parallel(boolean on) {
            this.parallel = on;
            return this;
        }

        public Kustomize build() {
            return new Kustomize(this);
        }
    }
}
