package dev.kelpie.core.source.internal;

import dev.kelpie.core.source.FileTree;
import dev.kelpie.core.source.NoSuchPathException;
import dev.kelpie.core.source.PathEscapeException;
import dev.kelpie.core.source.SourceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A {@link FileTree} over a local folder. Every access resolves the real path (following
 * symlinks) and refuses it unless it stays under the real root, so a link to {@code /etc} or
 * {@code ../..} is a {@link PathEscapeException}, not a read. Thread-safe.
 */
public final class DirectoryFileTree implements FileTree {
    private final Path realRoot;
    private final String name;

    private DirectoryFileTree(Path realRoot) {
        this.realRoot = realRoot;
        this.name = "dir:" + realRoot.getFileName();
    }

    /**
     * @throws NoSuchPathException when the folder is missing or not a folder
     */
    public static DirectoryFileTree open(Path root) {
        try {
            Path real = root.toRealPath();
            if (!Files.isDirectory(real)) {
                throw new NoSuchPathException(root.toString(), "");
            }
            return new DirectoryFileTree(real);
        } catch (NoSuchFileException e) {
            throw new NoSuchPathException(root.toString(), "");
        } catch (IOException e) {
            throw new SourceException(root + ": cannot open folder: " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return name;
    }

    /** The real path of an existing entry, checked to stay under the root; null when absent. */
    private Path resolve(String path) {
        String p = FileTree.normalize(path);
        Path candidate = p.isEmpty() ? realRoot : realRoot.resolve(p);
        if (!Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        Path real;
        try {
            real = candidate.toRealPath();
        } catch (NoSuchFileException e) {
            // a dangling symlink: refuse it if it points outside, else treat as absent
            checkDanglingLink(p, candidate);
            return null;
        } catch (IOException e) {
            throw new SourceException(name + ": " + p + ": " + e.getMessage(), e);
        }
        if (!real.startsWith(realRoot)) {
            throw new PathEscapeException(p, "symlink resolves outside the tree");
        }
        return real;
    }

    private void checkDanglingLink(String p, Path candidate) {
        try {
            Path target = Files.readSymbolicLink(candidate);
            Path resolved = candidate.getParent().resolve(target).normalize();
            if (!resolved.startsWith(realRoot)) {
                throw new PathEscapeException(p, "symlink resolves outside the tree");
            }
        } catch (IOException | UnsupportedOperationException e) {
            // not a link or unreadable: absent
        }
    }

    @Override
    public boolean isFile(String path) {
        Path r = resolve(path);
        return r != null && Files.isRegularFile(r);
    }

    @Override
    public boolean isDirectory(String path) {
        Path r = resolve(path);
        return r != null && Files.isDirectory(r);
    }

    @Override
    public byte[] read(String path) {
        String p = FileTree.normalize(path);
        Path r = resolve(p);
        if (r == null || !Files.isRegularFile(r)) {
            throw new NoSuchPathException(name, p);
        }
        try {
            return Files.readAllBytes(r);
        } catch (IOException e) {
            throw new SourceException(name + ": " + p + ": cannot read: " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> list(String dir) {
        String p = FileTree.normalize(dir);
        Path r = resolve(p);
        if (r == null || !Files.isDirectory(r)) {
            throw new NoSuchPathException(name, p);
        }
        try (Stream<Path> entries = Files.list(r)) {
            return entries.map(e -> e.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new SourceException(name + ": " + p + ": cannot list: " + e.getMessage(), e);
        }
    }
}
