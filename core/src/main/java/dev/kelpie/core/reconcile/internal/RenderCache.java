package dev.kelpie.core.reconcile.internal;

import dev.kelpie.core.model.Manifests;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Rendered desired state by commit, path and application, so a pass over an unchanged commit
 * costs no parsing or rendering. Only immutable inputs are cached: a revision must be a full
 * commit id (a plain folder's content can change under the same name). Bounded (LRU).
 * Thread-safe.
 */
final class RenderCache {
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");

    record Key(String repo, String revision, String path, String app, String namespace) {
    }

    record Entry(Manifests manifests, List<String> warnings) {
    }

    private final Map<Key, Entry> entries;

    RenderCache(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
                return size() > capacity;
            }
        };
    }

    static boolean cacheable(String revision) {
        return COMMIT.matcher(revision).matches();
    }

    synchronized Optional<Entry> get(Key key) {
        return Optional.ofNullable(entries.get(key));
    }

    synchronized void put(Key key, Entry entry) {
        if (cacheable(key.revision())) {
            entries.put(key, entry);
        }
    }
}
