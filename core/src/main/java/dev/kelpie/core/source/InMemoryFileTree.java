package dev.kelpie.core.source;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A {@link FileTree} held in memory: for tests and for content built in code. Directories
 * exist implicitly as prefixes of file paths. Immutable and thread-safe.
 *
 * <pre>{@code
 * FileTree tree = InMemoryFileTree.builder()
 *         .file("base/kustomization.yaml", "resources: [deployment.yaml]")
 *         .file("base/deployment.yaml", deploymentYaml)
 *         .build();
 * }</pre>
 */
public final class InMemoryFileTree implements FileTree {
    private final String name;
    private final TreeMap<String, byte[]> files;

    private InMemoryFileTree(String name, TreeMap<String, byte[]> files) {
        this.name = name;
        this.files = files;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A tree of UTF-8 text files. */
    public static InMemoryFileTree of(Map<String, String> textFiles) {
        Builder b = builder();
        textFiles.forEach(b::file);
        return b.build();
    }

    @Override
    public String describe() {
        return name;
    }

    @Override
    public boolean isFile(String path) {
        return files.containsKey(FileTree.normalize(path));
    }

    @Override
    public boolean isDirectory(String path) {
        String p = FileTree.normalize(path);
        if (p.isEmpty()) {
            return true;
        }
        String prefix = p + "/";
        String next = files.ceilingKey(prefix);
        return next != null && next.startsWith(prefix);
    }

    @Override
    public byte[] read(String path) {
        String p = FileTree.normalize(path);
        byte[] b = files.get(p);
        if (b == null) {
            throw new NoSuchPathException(name, p);
        }
        return b.clone();
    }

    @Override
    public List<String> list(String dir) {
        String p = FileTree.normalize(dir);
        if (!isDirectory(p)) {
            throw new NoSuchPathException(name, p);
        }
        String prefix = p.isEmpty() ? "" : p + "/";
        TreeSet<String> names = new TreeSet<>();
        for (String f : files.tailMap(prefix, true).keySet()) {
            if (!f.startsWith(prefix)) {
                break;
            }
            String rest = f.substring(prefix.length());
            int slash = rest.indexOf('/');
            names.add(slash < 0 ? rest : rest.substring(0, slash));
        }
        return List.copyOf(names);
    }

    /** Collects files. Not thread-safe. */
    public static final class Builder {
        private final TreeMap<String, byte[]> files = new TreeMap<>();
        private String name = "memory";

        private Builder() {
        }

        public Builder name(String n) {
            this.name = Objects.requireNonNull(n, "name");
            return this;
        }

        public Builder file(String path, String content) {
            return file(path, content.getBytes(StandardCharsets.UTF_8));
        }

        public Builder file(String path, byte[] content) {
            String p = FileTree.normalize(path);
            if (p.isEmpty()) {
                throw new IllegalArgumentException("a file needs a name");
            }
            files.put(p, content.clone());
            return this;
        }

        public InMemoryFileTree build() {
            return new InMemoryFileTree(name, new TreeMap<>(files));
        }
    }
}
