package dev.kelpie.testkit.internal.ssa;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A structured-merge-diff schema ({@code types:} with {@code map}, {@code list}, {@code scalar}
 * atoms and {@code namedType} references), read from its YAML/JSON form, handing out
 * {@link Shape}s. Immutable and thread-safe.
 */
public final class SmdSchema {
    private static final String UNTYPED_ATOMIC = "__untyped_atomic_";
    private static final String UNTYPED_DEDUCED = "__untyped_deduced_";

    private final Map<String, JsonNode> types;

    private SmdSchema(Map<String, JsonNode> types) {
        this.types = Map.copyOf(types);
    }

    /**
     * Reads a schema tree with a {@code types} list.
     *
     * @throws IllegalArgumentException when a type has no name
     */
    public static SmdSchema parse(JsonNode schema) {
        Map<String, JsonNode> t = new HashMap<>();
        for (JsonNode type : schema.path("types")) {
            String name = type.path("name").asText("");
            if (name.isEmpty()) {
                throw new IllegalArgumentException("schema type without a name: " + type);
            }
            t.put(name, type);
        }
        return new SmdSchema(t);
    }

    /** The shape of the named type. */
    public Shape shape(String typeName) {
        return resolve(typeRefNamed(typeName));
    }

    private static JsonNode typeRefNamed(String name) {
        return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("namedType", name);
    }

    private Shape resolve(JsonNode typeRef) {
        if (typeRef == null || typeRef.isMissingNode() || typeRef.isNull()) {
            return DeducedShape.INSTANCE;
        }
        String override = typeRef.path("elementRelationship").asText("");
        JsonNode atom = typeRef;
        if (typeRef.has("namedType")) {
            String name = typeRef.get("namedType").asText();
            if (name.equals(UNTYPED_DEDUCED)) {
                return DeducedShape.INSTANCE;
            }
            if (name.equals(UNTYPED_ATOMIC)) {
                return new AtomShape(null, Boolean.TRUE);
            }
            atom = types.get(name);
            if (atom == null) {
                throw new IllegalArgumentException("schema has no type named \"" + name + "\"");
            }
        }
        return new AtomShape(atom, override.isEmpty() ? null : override.equals("atomic"));
    }

    /** One atom (map, list and/or scalar), with a field-level atomic override. */
    private final class AtomShape implements Shape {
        private final JsonNode atom;
        private final Boolean forcedAtomic;
        private final Map<String, JsonNode> fields = new LinkedHashMap<>();
        private final Map<String, JsonNode> defaults = new HashMap<>();

        AtomShape(JsonNode atom, Boolean forcedAtomic) {
            this.atom = atom;
            this.forcedAtomic = forcedAtomic;
            if (atom != null) {
                for (JsonNode f : atom.path("map").path("fields")) {
                    fields.put(f.path("name").asText(), f.path("type"));
                    if (f.has("default")) {
                        defaults.put(f.path("name").asText(), f.get("default"));
                    }
                }
            }
        }

        private boolean hasMap() {
            return atom == null || atom.has("map");
        }

        private boolean hasList() {
            return atom == null || atom.has("list");
        }

        @Override
        public Form form(JsonNode value) {
            if (value != null && value.isObject() && hasMap()) {
                return Form.MAP;
            }
            if (value != null && value.isArray() && hasList()) {
                return Form.LIST;
            }
            return Form.SCALAR;
        }

        @Override
        public boolean isAtomic(JsonNode value) {
            if (forcedAtomic != null) {
                return forcedAtomic;
            }
            if (atom == null) {
                return true;
            }
            if (value != null && value.isArray()) {
                return !atom.path("list").path("elementRelationship").asText("atomic").equals("associative");
            }
            return atom.path("map").path("elementRelationship").asText("").equals("atomic");
        }

        @Override
        public Shape field(String name) {
            JsonNode t = fields.get(name);
            if (t != null) {
                return resolve(t);
            }
            JsonNode elementType = atom == null ? null : atom.path("map").get("elementType");
            return elementType == null ? DeducedShape.INSTANCE : resolve(elementType);
        }

        @Override
        public boolean declares(String name) {
            return fields.containsKey(name);
        }

        @Override
        public Shape element() {
            JsonNode elementType = atom == null ? null : atom.path("list").get("elementType");
            return elementType == null ? DeducedShape.INSTANCE : resolve(elementType);
        }

        @Override
        public List<String> keys() {
            List<String> keys = new ArrayList<>();
            if (atom != null) {
                atom.path("list").path("keys").forEach(k -> keys.add(k.asText()));
            }
            return keys;
        }

        @Override
        public Optional<JsonNode> defaultOf(String field) {
            return Optional.ofNullable(defaults.get(field));
        }
    }
}
