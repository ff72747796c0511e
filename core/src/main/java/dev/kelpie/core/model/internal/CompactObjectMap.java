package dev.kelpie.core.model.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The fields of a frozen JSON object: keys and values alternating in one array, in insertion
 * order, read-only. A {@code LinkedHashMap} spends about 40 bytes per entry plus a table and a
 * header; this spends 8 and a 16-byte header, which is what lets a large in-memory cluster or
 * render cache fit a small heap. Look-ups are linear, faster than hashing for the few fields
 * Kubernetes objects have per level ({@link FrozenTrees} keeps wide objects in a hash map).
 * Every mutator throws {@link UnsupportedOperationException}. Immutable and thread-safe.
 *
 * <p>It implements {@link Map} directly rather than extending {@code AbstractMap}, whose two
 * cached-view fields would cost every map another 8 bytes.
 */
final class CompactObjectMap implements Map<String, JsonNode> {
    /** key0, value0, key1, value1, … */
    final Object[] kv;

    CompactObjectMap(Object[] kv) {
        this.kv = kv;
    }

    @Override
    public int size() {
        return kv.length >> 1;
    }

    @Override
    public boolean isEmpty() {
        return kv.length == 0;
    }

    private int indexOf(Object key) {
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i] == key) {
                return i;
            }
        }
        if (key instanceof String) {
            for (int i = 0; i < kv.length; i += 2) {
                if (kv[i].equals(key)) {
                    return i;
                }
            }
        }
        return -1;
    }

    @Override
    public JsonNode get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : (JsonNode) kv[i + 1];
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public boolean containsValue(Object value) {
        for (int i = 1; i < kv.length; i += 2) {
            if (kv[i].equals(value)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super JsonNode> action) {
        for (int i = 0; i < kv.length; i += 2) {
            action.accept((String) kv[i], (JsonNode) kv[i + 1]);
        }
    }

    @Override
    public JsonNode put(String key, JsonNode value) {
        throw readOnly();
    }

    @Override
    public JsonNode remove(Object key) {
        throw readOnly();
    }

    @Override
    public void putAll(Map<? extends String, ? extends JsonNode> m) {
        throw readOnly();
    }

    @Override
    public void clear() {
        throw readOnly();
    }

    private static UnsupportedOperationException readOnly() {
        return new UnsupportedOperationException("a frozen JSON object is read-only; change a deepCopy() of it");
    }

    // Views are made on demand and never cached: a cached view would cost every map a field.
    @Override
    public Set<Entry<String, JsonNode>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, JsonNode>> iterator() {
                return new Cursor<>() {
                    @Override
                    Entry<String, JsonNode> at(int i) {
                        return new AbstractMap.SimpleImmutableEntry<>((String) kv[i], (JsonNode) kv[i + 1]);
                    }
                };
            }

            @Override
            public int size() {
                return CompactObjectMap.this.size();
            }
        };
    }

    @Override
    public Set<String> keySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<String> iterator() {
                return new Cursor<>() {
                    @Override
                    String at(int i) {
                        return (String) kv[i];
                    }
                };
            }

            @Override
            public boolean contains(Object o) {
                return indexOf(o) >= 0;
            }

            @Override
            public int size() {
                return CompactObjectMap.this.size();
            }
        };
    }

    @Override
    public Collection<JsonNode> values() {
        return new AbstractCollection<>() {
            @Override
            public Iterator<JsonNode> iterator() {
                return new Cursor<>() {
                    @Override
                    JsonNode at(int i) {
                        return (JsonNode) kv[i + 1];
                    }
                };
            }

            @Override
            public int size() {
                return CompactObjectMap.this.size();
            }
        };
    }

    /** As {@link Map#equals}: the same mappings, in any order. */
    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        if (!(o instanceof Map<?, ?> m) || m.size() != size()) {
            return false;
        }
        for (int i = 0; i < kv.length; i += 2) {
            if (!kv[i + 1].equals(m.get(kv[i]))) {
                return false;
            }
        }
        return true;
    }

    /** As {@link Map#hashCode}: the sum of the entries' hashes. */
    @Override
    public int hashCode() {
        int h = 0;
        for (int i = 0; i < kv.length; i += 2) {
            h += kv[i].hashCode() ^ kv[i + 1].hashCode();
        }
        return h;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < kv.length; i += 2) {
            b.append(i == 0 ? "" : ", ").append(kv[i]).append('=').append(kv[i + 1]);
        }
        return b.append('}').toString();
    }

    /** A read-only iterator over the entry positions; {@code remove} throws. */
    private abstract class Cursor<T> implements Iterator<T> {
        private int next;

        abstract T at(int i);

        @Override
        public boolean hasNext() {
            return next < kv.length;
        }

        @Override
        public T next() {
            if (next >= kv.length) {
                throw new NoSuchElementException();
            }
            T t = at(next);
            next += 2;
            return t;
        }
    }
}
