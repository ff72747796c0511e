package dev.kelpie.core.model.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Read-only, compact copies of JSON trees for objects kept a long time (a cluster's store, a
 * render cache). Objects keep their fields in {@link CompactObjectMap}s, arrays in immutable
 * lists. Kubernetes objects repeat themselves: the same keys, kinds, namespaces and label
 * values, the same managed-fields sets for every object of a shape, the same container specs
 * in a Deployment and its ReplicaSets. So field names, short strings and whole identical
 * subtrees (same fields in the same order) are shared between trees: a subtree is frozen
 * bottom-up and then replaced by an equal one frozen before, when there is one.
 *
 * <p>A frozen tree is equal to its source and serialises the same; {@code deepCopy()} of it is
 * an ordinary mutable tree; any attempt to change it throws {@link UnsupportedOperationException}.
 * The sharing tables are bounded and start afresh when full, so a long-running process does not
 * keep what it no longer uses (sharing is only ever a saving, never needed for correctness).
 * Thread-safe.
 */
public final class FrozenTrees {
    /** Wider objects keep a hash map (read-only): linear look-ups would cost more than they save. */
    private static final int COMPACT_MAX_FIELDS = 16;
    /** Strings up to this length are shared; longer ones are rarely repeated. */
    private static final int SHARED_TEXT_MAX_LENGTH = 96;
    private static final int MAX_SHARED = 1 << 18;

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectNode EMPTY_OBJECT = new FrozenObjectNode(new CompactObjectMap(new Object[0]));
    private static final ArrayNode EMPTY_ARRAY = new FrozenArrayNode(List.of());
    private static final Map<String, String> KEYS = new ConcurrentHashMap<>();
    private static final Map<String, TextNode> TEXTS = new ConcurrentHashMap<>();
    private static final Map<Shape, JsonNode> SUBTREES = new ConcurrentHashMap<>();

    private FrozenTrees() {
    }

    /** Whether a node is frozen already (then freezing returns it as it is). */
    public static boolean isFrozen(JsonNode node) {
        return node instanceof FrozenObjectNode || node instanceof FrozenArrayNode;
    }

    /** A frozen copy of {@code node}, or the node itself when it is frozen or an immutable scalar. */
    public static JsonNode freeze(JsonNode node) {
        if (node instanceof ObjectNode o) {
            return freezeObject(o);
        }
        if (node instanceof ArrayNode a) {
            return freezeArray(a);
        }
        if (node instanceof TextNode t) {
            return sharedText(t);
        }
        return node; // numbers, booleans, null and binary are immutable already
    }

    /** A frozen copy of an object, or the object itself when it is frozen. */
    public static ObjectNode freezeObject(ObjectNode o) {
        if (o instanceof FrozenObjectNode) {
            return o;
        }
        if (o.isEmpty()) {
            return EMPTY_OBJECT;
        }
        if (o.size() > COMPACT_MAX_FIELDS) {
            Map<String, JsonNode> wide = new LinkedHashMap<>(o.size() * 2);
            o.properties().forEach(e -> wide.put(sharedKey(e.getKey()), freeze(e.getValue())));
            return new FrozenObjectNode(Collections.unmodifiableMap(wide));
        }
        Object[] kv = new Object[o.size() * 2];
        int i = 0;
        for (Map.Entry<String, JsonNode> e : o.properties()) {
            kv[i++] = sharedKey(e.getKey());
            kv[i++] = freeze(e.getValue());
        }
        return (ObjectNode) shared(new FrozenObjectNode(new CompactObjectMap(kv)));
    }

    private static JsonNode freezeArray(ArrayNode a) {
        if (a instanceof FrozenArrayNode) {
            return a;
        }
        if (a.isEmpty()) {
            return EMPTY_ARRAY;
        }
        JsonNode[] items = new JsonNode[a.size()];
        for (int i = 0; i < items.length; i++) {
            items[i] = freeze(a.get(i));
        }
        return shared(new FrozenArrayNode(List.of(items)));
    }

    /** The equal subtree frozen before (same fields in the same order), or this one, now shared. */
    private static JsonNode shared(JsonNode fresh) {
        return share(SUBTREES, new Shape(fresh), fresh);
    }

    private static String sharedKey(String key) {
        return share(KEYS, key, key);
    }

    private static TextNode sharedText(TextNode t) {
        String s = t.textValue();
        return s.length() > SHARED_TEXT_MAX_LENGTH ? t : share(TEXTS, s, t);
    }

    /** The value a table holds for the key, or this one, added; a full table starts afresh. */
    private static <K, V> V share(Map<K, V> table, K key, V value) {
        V known = table.get(key);
        if (known != null) {
            return known;
        }
        if (table.size() >= MAX_SHARED) {
            table.clear();
        }
        V prev = table.putIfAbsent(key, value);
        return prev == null ? value : prev;
    }

    /**
     * A frozen container compared by its exact layout: the same keys in the same order, scalar
     * values equal, child containers the very same (shared) instances. Stricter than
     * {@code JsonNode.equals}, which ignores field order: sharing must not reorder anything.
     */
    private static final class Shape {
        private final JsonNode node;
        private final int hash;

        Shape(JsonNode node) {
            this.node = node;
            int h = node.isObject() ? 1 : 2;
            for (int i = 0, n = parts(node); i < n; i++) {
                Object p = part(node, i);
                h = 31 * h + (p instanceof JsonNode j && j.isContainerNode() ? System.identityHashCode(p) : p.hashCode());
            }
            this.hash = h;
        }

        // Only compact objects (keys and values alternating) and arrays are ever shared.
        private static int parts(JsonNode n) {
            return n instanceof FrozenObjectNode o ? o.compact().kv.length : n.size();
        }

        private static Object part(JsonNode n, int i) {
            return n instanceof FrozenObjectNode o ? o.compact().kv[i] : n.get(i);
        }

        @Override
        public boolean equals(Object other) {
            if (!(other instanceof Shape s) || s.hash != hash || s.node.isObject() != node.isObject()) {
                return false;
            }
            int n = parts(node);
            if (parts(s.node) != n) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                Object a = part(node, i);
                Object b = part(s.node, i);
                boolean container = a instanceof JsonNode ja && ja.isContainerNode();
                if (a != b && (container || !a.equals(b))) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** An object node over a read-only map; its own class so frozen nodes can be recognised. */
    static final class FrozenObjectNode extends ObjectNode {
        private static final long serialVersionUID = 1L;

        FrozenObjectNode(Map<String, JsonNode> fields) {
            super(F, fields);
        }

        /** The compact map, or null for a wide object. */
        CompactObjectMap compact() {
            return _children instanceof CompactObjectMap c ? c : null;
        }
    }

    /** An array node over an immutable list; its own class so frozen nodes can be recognised. */
    static final class FrozenArrayNode extends ArrayNode {
        private static final long serialVersionUID = 1L;

        FrozenArrayNode(List<JsonNode> items) {
            super(F, items);
        }
    }
}
