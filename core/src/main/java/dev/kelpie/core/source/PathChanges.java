package dev.kelpie.core.source;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The paths that differ between two revisions (added, modified, deleted; a rename shows both
 * names), so only applications whose path changed re-render. Immutable and thread-safe.
 */
public record PathChanges(String from, String to, SortedSet<String> paths) {
    public PathChanges {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        paths = Collections.unmodifiableSortedSet(new TreeSet<>(paths));
    }

    /** Whether anything at or under {@code dir} changed ({@code ""} is the whole tree). */
    public boolean touches(String dir) {
        String d = FileTree.normalize(dir);
        if (d.isEmpty()) {
            return !paths.isEmpty();
        }
        String prefix = d + "/";
        for (String p : paths.tailSet(d)) {
            if (p.equals(d) || p.startsWith(prefix)) {
                return true;
            }
            if (!p.startsWith(d)) {
                break;
            }
        }
        return false;
    }
}
