package dev.kelpie.core.source;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A read-only, root-confined tree of files: a Git snapshot, a local folder, or a map in memory.
 *
 * <p>Paths are relative, {@code /}-separated; {@code ""} (or {@code "."}) is the root. Every
 * method normalises its path with {@link #normalize(String)}, so {@code ..} that climbs above
 * the root and absolute paths are refused with {@link PathEscapeException}; implementations
 * backed by real file systems also refuse symlinks that leave the root. Thread-safe.
 */
public interface FileTree {

    /** How to name this tree in messages, e.g. {@code git:repo@1a2b3c4} or a folder name. */
    String describe();

    boolean isFile(String path);

    boolean isDirectory(String path);

    default boolean exists(String path) {
        return isFile(path) || isDirectory(path);
    }

    /**
     * The bytes of a file.
     *
     * @throws NoSuchPathException when there is no such file
     * @throws PathEscapeException when the path leaves the tree
     */
    byte[] read(String path);

    /** A file as UTF-8 text. */
    default String readString(String path) {
        return new String(read(path), StandardCharsets.UTF_8);
    }

    /**
     * The names (not paths) of a directory's entries, sorted.
     *
     * @throws NoSuchPathException when there is no such directory
     */
    List<String> list(String dir);

    /**
     * Normalises a relative path: removes {@code .} and empty segments, resolves {@code ..}.
     *
     * @throws PathEscapeException for absolute paths and paths that climb above the root
     */
    static String normalize(String path) {
        if (path.startsWith("/") || path.startsWith("\\") || (path.length() > 1 && path.charAt(1) == ':')) {
            throw new PathEscapeException(path, "absolute path");
        }
        Deque<String> parts = new ArrayDeque<>();
        for (String seg : path.replace('\\', '/').split("/")) {
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (seg.equals("..")) {
                if (parts.isEmpty()) {
                    throw new PathEscapeException(path, "'..' above the root");
                }
                parts.removeLast();
            } else {
                parts.addLast(seg);
            }
        }
        return String.join("/", parts);
    }

    /** Joins a directory and a relative path, then normalises. */
    static String join(String dir, String relative) {
        String d = normalize(dir);
        return normalize(d.isEmpty() ? relative : d + "/" + relative);
    }

    /** The parent directory of a normalised path ({@code ""} for top-level entries). */
    static String parent(String path) {
        String p = normalize(path);
        int slash = p.lastIndexOf('/');
        return slash < 0 ? "" : p.substring(0, slash);
    }
}
