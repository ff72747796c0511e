package dev.kelpie.testkit.internal.ssa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

/**
 * One step of a field path, as structured-merge-diff names them: a field of a map, the key of
 * an associative list element, the value of a set element, or a list index. Immutable.
 */
public sealed interface PathElement extends Comparable<PathElement> permits PathElement.Field, PathElement.Key,
        PathElement.Value, PathElement.Index {

    /** The FieldsV1 key: {@code f:name}, {@code k:{...}}, {@code v:...} or {@code i:n}. */
    String fieldsV1Key();

    /** Ordering as structured-merge-diff sorts: fields, keys, values, indexes. */
    int rank();

    @Override
    default int compareTo(PathElement o) {
        int c = Integer.compare(rank(), o.rank());
        if (c != 0) {
            return c;
        }
        if (this instanceof Field a && o instanceof Field b) {
            return a.name().compareTo(b.name());
        }
        if (this instanceof Index a && o instanceof Index b) {
            return Integer.compare(a.index(), b.index());
        }
        return fieldsV1Key().compareTo(o.fieldsV1Key());
    }

    /** A field of a map. */
    record Field(String name) implements PathElement {
        @Override
        public String fieldsV1Key() {
            return "f:" + name;
        }

        @Override
        public int rank() {
            return 0;
        }

        @Override
        public String toString() {
            return "." + name;
        }
    }

    /** An associative list element, by its key fields (sorted by name, numbers canonical). */
    final class Key implements PathElement {
        private final Map<String, JsonNode> fields;
        private final String fieldsV1Key;

        public Key(Map<String, JsonNode> fields) {
            TreeMap<String, JsonNode> sorted = new TreeMap<>();
            fields.forEach((k, v) -> sorted.put(k, JsonValues.canonical(v)));
            this.fields = Collections.unmodifiableSortedMap(sorted);
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            this.fields.forEach(o::set);
            this.fieldsV1Key = "k:" + o;
        }

        public Map<String, JsonNode> fields() {
            return fields;
        }

        @Override
        public String fieldsV1Key() {
            return fieldsV1Key;
        }

        @Override
        public int rank() {
            return 1;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.fieldsV1Key.equals(fieldsV1Key);
        }

        @Override
        public int hashCode() {
            return fieldsV1Key.hashCode();
        }

        @Override
        public String toString() {
            return "[" + fieldsV1Key.substring(2) + "]";
        }
    }

    /** A set element, by value. */
    final class Value implements PathElement {
        private final JsonNode value;
        private final String fieldsV1Key;

        public Value(JsonNode value) {
            this.value = JsonValues.canonical(value);
            this.fieldsV1Key = "v:" + this.value;
        }

        public JsonNode value() {
            return value;
        }

        @Override
        public String fieldsV1Key() {
            return fieldsV1Key;
        }

        @Override
        public int rank() {
            return 2;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Value v && v.fieldsV1Key.equals(fieldsV1Key);
        }

        @Override
        public int hashCode() {
            return fieldsV1Key.hashCode();
        }

        @Override
        public String toString() {
            return "[=" + value + "]";
        }
    }

    /** A list element by position (atomic-less lists without keys). */
    record Index(int index) implements PathElement {
        @Override
        public String fieldsV1Key() {
            return "i:" + index;
        }

        @Override
        public int rank() {
            return 3;
        }

        @Override
        public String toString() {
            return "[" + index + "]";
        }
    }

    Comparator<PathElement> ORDER = Comparator.naturalOrder();

    /**
     * Parses a FieldsV1 key.
     *
     * @throws IllegalArgumentException when the key has no known prefix or bad JSON
     */
    static PathElement parse(String key) {
        if (key.length() < 2 || key.charAt(1) != ':') {
            throw new IllegalArgumentException("bad FieldsV1 key \"" + key + "\"");
        }
        String rest = key.substring(2);
        try {
            return switch (key.charAt(0)) {
                case 'f' -> new Field(rest);
                case 'k' -> {
                    JsonNode n = Mapper.MAPPER.readTree(rest);
                    if (!n.isObject()) {
                        throw new IllegalArgumentException("bad FieldsV1 key \"" + key + "\"");
                    }
                    TreeMap<String, JsonNode> m = new TreeMap<>();
                    n.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue()));
                    yield new Key(m);
                }
                case 'v' -> new Value(Mapper.MAPPER.readTree(rest));
                case 'i' -> new Index(Integer.parseInt(rest));
                default -> throw new IllegalArgumentException("bad FieldsV1 key \"" + key + "\"");
            };
        } catch (IOException e) {
            throw new IllegalArgumentException("bad FieldsV1 key \"" + key + "\": " + e.getMessage(), e);
        }
    }

    /** Holder of the shared, thread-safe mapper. */
    final class Mapper {
        static final ObjectMapper MAPPER = new ObjectMapper();

        private Mapper() {
        }
    }
}
