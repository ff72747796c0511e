package dev.kelpie.testkit.internal.ssa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

/**
 * One step of a field path, as structured-merge-diff names them: a field of a map, the key of
 * an associative list element, the value of a set element, or a list index. Immutable.
 */
public sealed interface PathElement extends Comparable<PathElement> {

    /** The FieldsV1 key: {@code f:name}, {@code k:{...}}, {@code v:...} or {@code i:n}. */
    String fieldsV1Key();

    /** Ordering as structured-merge-diff sorts: fields, keys, values, indexes. */
    int rank();

    @Override
    default int compareTo(PathElement o) {
        int c = Integer.compare(rank(), o.rank());
        return c != 0 ? c : fieldsV1Key().compareTo(o.fieldsV1Key());
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
    record Key(Map<String, JsonNode> fields) implements PathElement {
        public Key {
            TreeMap<String, JsonNode> sorted = new TreeMap<>();
            fields.forEach((k, v) -> sorted.put(k, JsonValues.canonical(v)));
            fields = Collections.unmodifiableSortedMap(sorted);
        }

        @Override
        public String fieldsV1Key() {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            fields.forEach(o::set);
            return "k:" + o;
        }

        @Override
        public int rank() {
            return 1;
        }

        @Override
        public String toString() {
            return "[" + fieldsV1Key().substring(2) + "]";
        }
    }

    /** A set element, by value. */
    record Value(JsonNode value) implements PathElement {
        public Value {
            value = JsonValues.canonical(value);
        }

        @Override
        public String fieldsV1Key() {
            return "v:" + value;
        }

        @Override
        public int rank() {
            return 2;
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

        static UncheckedIOException wrap(IOException e) {
            return new UncheckedIOException(e);
        }
    }
}
