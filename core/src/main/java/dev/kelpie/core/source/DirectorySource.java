package dev.kelpie.core.source;

import dev.kelpie.core.source.internal.DirectoryFileTree;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A local folder as a {@link Source}. The tree reads the folder live (no copy), refuses
 * {@code ..}, absolute paths and symlinks that resolve outside the folder. The revision is
 * ignored; snapshots report the revision {@code "directory"}. Immutable and thread-safe.
 *
 * <pre>{@code
 * FileTree tree = DirectorySource.of(Path.of("deploy")).snapshot("").tree();
 * Manifests m = RenderPipeline.builder().build().render(tree, "overlays/prod").manifests();
 * }</pre>
 */
public final class DirectorySource implements Source {
    private final Path root;

    private DirectorySource(Path root) {
        this.root = root;
    }

    /**
     * A source over {@code root}.
     *
     * @throws NoSuchPathException when the folder does not exist
     */
    public static DirectorySource of(Path root) {
        Objects.requireNonNull(root, "root");
        DirectoryFileTree.open(root); // validates now rather than at first read
        return new DirectorySource(root);
    }

    /** The folder as a tree, without going through a snapshot. */
    public FileTree tree() {
        return DirectoryFileTree.open(root);
    }

    @Override
    public String describe() {
        return "dir:" + root.getFileName();
    }

    @Override
    public Snapshot snapshot(String revision) {
        return new Snapshot("directory", tree());
    }
}
