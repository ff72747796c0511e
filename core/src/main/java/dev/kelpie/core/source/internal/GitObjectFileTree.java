package dev.kelpie.core.source.internal;

import dev.kelpie.core.source.FileTree;
import dev.kelpie.core.source.NoSuchPathException;
import dev.kelpie.core.source.PathEscapeException;
import dev.kelpie.core.source.SourceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * A {@link FileTree} read straight from Git objects: no checkout, no working copy.
 *
 * <p>The commit's tree is indexed once (paths to blob ids; trees only, no blob is read), then
 * blobs are read on demand. A symlink is a blob holding its target; it is followed only when
 * the target, taken relative to the link's folder, stays inside the tree (at most 40 hops, as
 * Linux allows). Submodules (gitlinks) are not part of the tree. Thread-safe: the index is
 * immutable and JGit's {@link Repository} opens a reader per read.
 */
public final class GitObjectFileTree implements FileTree {
    private static final int MAX_LINK_HOPS = 40;

    private record Entry(ObjectId blob, boolean symlink) {
    }

    private final Repository repository;
    private final String name;
    private final Map<String, Entry> files;
    private final Map<String, List<String>> childrenByDirectory;

    private GitObjectFileTree(Repository repository, String name, Map<String, Entry> files,
                              Map<String, List<String>> childrenByDirectory) {
        this.repository = repository;
        this.name = name;
        this.files = files;
        this.childrenByDirectory = childrenByDirectory;
    }

    /**
     * Indexes the tree of {@code commit}.
     *
     * @throws SourceException when Git objects are missing or unreadable
     */
    public static GitObjectFileTree open(Repository repository, ObjectId commit, String name) {
        Map<String, Entry> files = new HashMap<>();
        Map<String, TreeSet<String>> dirs = new HashMap<>();
        dirs.put("", new TreeSet<>());
        try (ObjectReader reader = repository.newObjectReader();
             RevWalk rw = new RevWalk(reader);
             TreeWalk tw = new TreeWalk(reader)) {
            RevCommit c = rw.parseCommit(commit);
            tw.addTree(c.getTree());
            tw.setRecursive(false);
            while (tw.next()) {
                String path = tw.getPathString();
                String parent = FileTree.parent(path);
                FileMode mode = tw.getFileMode(0);
                if (tw.isSubtree()) {
                    dirs.put(path, new TreeSet<>());
                    dirs.get(parent).add(tw.getNameString());
                    tw.enterSubtree();
                } else if (mode == FileMode.SYMLINK
                        || mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE) {
                    files.put(path, new Entry(tw.getObjectId(0), mode == FileMode.SYMLINK));
                    dirs.get(parent).add(tw.getNameString());
                }
            }
        } catch (IOException e) {
            throw new SourceException(name + ": cannot read commit " + commit.name() + ": " + e.getMessage(), e);
        }
        Map<String, List<String>> children = new HashMap<>();
        dirs.forEach((d, names) -> children.put(d, List.copyOf(names)));
        return new GitObjectFileTree(repository, name, Map.copyOf(files), Map.copyOf(children));
    }

    /** Number of files and symlinks in the tree. */
    public int fileCount() {
        return files.size();
    }

    @Override
    public String describe() {
        return name;
    }

    /** The path with every symlink in it replaced by its target; refuses escapes. */
    private String resolve(String path, int hops) {
        String p = FileTree.normalize(path);
        if (p.isEmpty()) {
            return p;
        }
        String[] segs = p.split("/");
        String cur = "";
        for (int i = 0; i < segs.length; i++) {
            String next = cur.isEmpty() ? segs[i] : cur + "/" + segs[i];
            Entry e = files.get(next);
            if (e != null && e.symlink()) {
                if (hops >= MAX_LINK_HOPS) {
                    throw new SourceException(name + ": " + p + ": too many levels of symbolic links");
                }
                String target = new String(blob(next, e.blob()), StandardCharsets.UTF_8);
                if (target.startsWith("/")) {
                    throw new PathEscapeException(p, "symlink " + next + " points to an absolute path");
                }
                String joined;
                try {
                    joined = FileTree.join(cur, target);
                } catch (PathEscapeException ex) {
                    throw new PathEscapeException(p, "symlink " + next + " points outside the tree");
                }
                StringBuilder rest = new StringBuilder(joined);
                for (int j = i + 1; j < segs.length; j++) {
                    rest.append(rest.length() == 0 ? "" : "/").append(segs[j]);
                }
                return resolve(rest.toString(), hops + 1);
            }
            cur = next;
        }
        return cur;
    }

    private byte[] blob(String path, ObjectId id) {
        try {
            return repository.open(id).getBytes();
        } catch (IOException e) {
            throw new SourceException(name + ": " + path + ": cannot read blob " + id.name() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean isFile(String path) {
        Entry e = files.get(resolve(path, 0));
        return e != null && !e.symlink();
    }

    @Override
    public boolean isDirectory(String path) {
        return childrenByDirectory.containsKey(resolve(path, 0));
    }

    @Override
    public byte[] read(String path) {
        String p = FileTree.normalize(path);
        String real = resolve(p, 0);
        Entry e = files.get(real);
        if (e == null || e.symlink()) {
            throw new NoSuchPathException(name, p);
        }
        return blob(p, e.blob());
    }

    @Override
    public List<String> list(String dir) {
        String p = FileTree.normalize(dir);
        String real = resolve(p, 0);
        List<String> names = childrenByDirectory.get(real);
        if (names == null) {
            throw new NoSuchPathException(name, p);
        }
        return names;
    }
}
