package dev.kelpie.kustomize.internal;

import dev.kelpie.core.source.FileTree;
import dev.kelpie.core.source.NoSuchPathException;
import dev.kelpie.core.source.PathEscapeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A {@link FileTree} over a local folder, for the command line: paths are confined to the
 * folder, and symlinks that resolve outside it are refused. Immutable and thread-safe.
 */
public final class LocalDirectoryTree implements FileTree {
    private final Path root;
    private final Path realRoot;

    public LocalDirectoryTree(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            this.realRoot = this.root.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String describe() {
        return root.toString();
    }

    private Path resolve(String path) {
        String p = FileTree.normalize(path);
        Path r = p.isEmpty() ? root : root.resolve(p);
        if (Files.exists(r, LinkOption.NOFOLLOW_LINKS) && Files.isSymbolicLink(r)) {
            try {
                if (!r.toRealPath().startsWith(realRoot)) {
                    throw new PathEscapeException(path, "symlink leaves the tree");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return r;
    }

    @Override
    public boolean isFile(String path) {
        return Files.isRegularFile(resolve(path));
    }

    @Override
    public boolean isDirectory(String path) {
        return Files.isDirectory(resolve(path));
    }

    @Override
    public byte[] read(String path) {
        Path p = resolve(path);
        if (!Files.isRegularFile(p)) {
            throw new NoSuchPathException(describe(), FileTree.normalize(path));
        }
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<String> list(String dir) {
        Path p = resolve(dir);
        if (!Files.isDirectory(p)) {
            throw new NoSuchPathException(describe(), FileTree.normalize(dir));
        }
        List<String> names = new ArrayList<>();
        try (Stream<Path> s = Files.list(p)) {
            s.forEach(c -> names.add(c.getFileName().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        names.sort(null);
        return names;
    }
}
