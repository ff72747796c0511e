package dev.kelpie.core.render;

import dev.kelpie.core.model.DuplicateResourceException;
import dev.kelpie.core.model.InvalidResourceException;
import dev.kelpie.core.model.Manifests;
import dev.kelpie.core.model.Resource;
import dev.kelpie.core.render.internal.Glob;
import dev.kelpie.core.source.FileTree;
import dev.kelpie.core.source.NoSuchPathException;
import dev.kelpie.core.yaml.YamlCodec;
import dev.kelpie.core.yaml.YamlException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Plain manifests in a folder, as Argo CD's directory source reads them: every
 * {@code *.yaml}, {@code *.yml} and {@code *.json} file in the folder (and below it with
 * {@code recurse}), in path order, filtered by include and exclude globs matched against the
 * path relative to the folder. A path naming a file renders that file. Empty documents are
 * skipped; one bad document fails the whole render, naming its file and line.
 *
 * <pre>{@code
 * Manifests m = DirectoryRenderer.builder().recurse(true).exclude("*.secret.yaml").build()
 *         .render(tree, "deploy");
 * }</pre>
 *
 * Immutable and thread-safe.
 */
public final class DirectoryRenderer implements Renderer {
    private final boolean recurse;
    private final List<Glob> include;
    private final List<Glob> exclude;
    private final YamlCodec yaml;

    private DirectoryRenderer(Builder b) {
        this.recurse = b.recurse;
        this.include = List.copyOf(b.include);
        this.exclude = List.copyOf(b.exclude);
        this.yaml = b.yaml;
    }

    /** Top-level files only, no filters. */
    public static DirectoryRenderer defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return "directory";
    }

    /** Any folder or file can be read as plain manifests. */
    @Override
    public boolean canRender(FileTree tree, String path) {
        return tree.exists(path);
    }

    @Override
    public Manifests render(FileTree tree, String path) {
        String root = FileTree.normalize(path);
        if (tree.isFile(root)) {
            return read(tree, root, Manifests.builder()).build();
        }
        if (!tree.isDirectory(root)) {
            throw new NoSuchPathException(tree.describe(), root);
        }
        List<String> files = new ArrayList<>();
        collect(tree, root, "", files);
        Manifests.Builder out = Manifests.builder();
        for (String f : files) {
            read(tree, f, out);
        }
        return out.build();
    }

    private void collect(FileTree tree, String root, String rel, List<String> out) {
        String dir = rel.isEmpty() ? root : FileTree.join(root, rel);
        for (String name : tree.list(dir)) {
            String childRel = rel.isEmpty() ? name : rel + "/" + name;
            String child = FileTree.join(root, childRel);
            if (tree.isDirectory(child)) {
                if (recurse) {
                    collect(tree, root, childRel, out);
                }
            } else if (isManifest(name) && selected(childRel)) {
                out.add(child);
            }
        }
    }

    private static boolean isManifest(String name) {
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
    }

    private boolean selected(String rel) {
        if (!include.isEmpty() && include.stream().noneMatch(g -> g.matches(rel))) {
            return false;
        }
        return exclude.stream().noneMatch(g -> g.matches(rel));
    }

    private Manifests.Builder read(FileTree tree, String file, Manifests.Builder out) {
        String text = tree.readString(file);
        try {
            for (Resource r : yaml.readResources(file, text)) {
                out.add(r);
            }
        } catch (YamlException | InvalidResourceException | DuplicateResourceException e) {
            throw new RenderException(e.getMessage(), e);
        }
        return out;
    }

    /** Directory options. Not thread-safe; confine to one thread. */
    public static final class Builder {
        private boolean recurse;
        private final List<Glob> include = new ArrayList<>();
        private final List<Glob> exclude = new ArrayList<>();
        private YamlCodec yaml = YamlCodec.defaults();

        private Builder() {
        }

        public Builder recurse(boolean r) {
            this.recurse = r;
            return this;
        }

        /**
         * Only files matching one of the include globs are read.
         *
         * @throws IllegalArgumentException for a malformed glob
         */
        public Builder include(String glob) {
            include.add(Glob.compile(Objects.requireNonNull(glob, "glob")));
            return this;
        }

        /**
         * Files matching an exclude glob are skipped.
         *
         * @throws IllegalArgumentException for a malformed glob
         */
        public Builder exclude(String glob) {
            exclude.add(Glob.compile(Objects.requireNonNull(glob, "glob")));
            return this;
        }

        public Builder yaml(YamlCodec codec) {
            this.yaml = Objects.requireNonNull(codec, "yaml");
            return this;
        }

        public DirectoryRenderer build() {
            return new DirectoryRenderer(this);
        }
    }
}
