package dev.kelpie.diff.internal.smp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Builds {@link SchemaNode}s from OpenAPI: v2 {@code definitions}, v3
 * {@code components.schemas}, or an inline CRD {@code openAPIV3Schema}. Reads the
 * {@code x-kubernetes-patch-strategy} / {@code x-kubernetes-patch-merge-key} extensions, the
 * same metadata Kubernetes' Go struct tags carry. Thread-safe; definitions resolve lazily.
 */
public final class OpenApiSchemas {
    private final JsonNode definitions;
    private final boolean lenient;
    private final boolean listTypesAsPatchMeta;
    private final Map<String, SchemaNode> cache = new ConcurrentHashMap<>();

    private OpenApiSchemas(JsonNode definitions, boolean lenient, boolean listTypesAsPatchMeta) {
        this.definitions = definitions;
        this.lenient = lenient;
        this.listTypesAsPatchMeta = listTypesAsPatchMeta;
    }

    /** Definitions of an OpenAPI v2 document or v3 {@code components.schemas}. */
    public static OpenApiSchemas of(JsonNode definitions, boolean lenient) {
        return new OpenApiSchemas(definitions, lenient, false);
    }

    /**
     * The schema of a CRD version's {@code openAPIV3Schema}. Besides the patch extensions,
     * {@code x-kubernetes-list-type: map} with one key merges by that key and
     * {@code x-kubernetes-list-type: set} merges primitives.
     */
    public static SchemaNode crd(JsonNode openApiV3Schema, String name, boolean lenient) {
        OpenApiSchemas s = new OpenApiSchemas(com.fasterxml.jackson.databind.node.MissingNode.getInstance(), lenient, true);
        return s.node(openApiV3Schema, name);
    }

    /** The same definitions, strict or lenient about unknown fields. */
    public OpenApiSchemas withLenient(boolean lenient) {
        return lenient == this.lenient ? this : new OpenApiSchemas(definitions, lenient, listTypesAsPatchMeta);
    }

    /** Whether a definition of that name exists. */
    public boolean has(String name) {
        return definitions.has(name);
    }

    /** The schema of a named definition ({@link SchemaNode#open()} when unknown). */
    public SchemaNode definition(String name) {
        SchemaNode cached = cache.get(name);
        if (cached != null) {
            return cached;
        }
        JsonNode def = definitions.get(name);
        SchemaNode built;
        if (name.endsWith("pkg.api.resource.Quantity")) {
            built = new SchemaNode.Leaf(SchemaNode.LeafType.QUANTITY);
        } else if (name.endsWith("pkg.util.intstr.IntOrString")) {
            built = new SchemaNode.Leaf(SchemaNode.LeafType.INT_OR_STRING);
        } else {
            built = def == null ? SchemaNode.open() : node(def, name);
        }
        cache.putIfAbsent(name, built);
        return built;
    }

    SchemaNode node(JsonNode schema, String name) {
        if (schema == null || !schema.isObject()) {
            return SchemaNode.open();
        }
        JsonNode ref = schema.get("$ref");
        if (ref != null && ref.isTextual()) {
            String r = ref.textValue();
            return definition(r.substring(r.lastIndexOf('/') + 1));
        }
        if (schema.path("x-kubernetes-int-or-string").asBoolean(false)) {
            return new SchemaNode.Leaf(SchemaNode.LeafType.INT_OR_STRING);
        }
        JsonNode allOf = schema.get("allOf");
        if (allOf != null && allOf.isArray() && allOf.size() == 1) {
            return node(allOf.get(0), name);
        }
        String type = schema.path("type").asText("");
        if ("array".equals(type)) {
            return node(schema.get("items"), name);
        }
        JsonNode props = schema.get("properties");
        if (props != null && props.isObject() && props.size() > 0) {
            boolean preserve = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
            Map<String, Supplier<FieldMeta>> fields = new LinkedHashMap<>();
            props.fields().forEachRemaining(e -> fields.put(e.getKey(),
                    memo(() -> fieldMeta(e.getValue(), name + "." + e.getKey()))));
            return new SchemaNode.Struct(name, Map.copyOf(fields), lenient || preserve);
        }
        JsonNode additional = schema.get("additionalProperties");
        if (additional != null && additional.isObject()) {
            return new SchemaNode.MapOf(node(additional, name + "{}"));
        }
        return SchemaNode.open();
    }

    private FieldMeta fieldMeta(JsonNode property, String name) {
        String strategy = property.path("x-kubernetes-patch-strategy").asText("");
        String mergeKey = property.path("x-kubernetes-patch-merge-key").asText("");
        if (listTypesAsPatchMeta && strategy.isEmpty()) {
            String listType = property.path("x-kubernetes-list-type").asText("");
            JsonNode keys = property.path("x-kubernetes-list-map-keys");
            if ("set".equals(listType)) {
                strategy = "merge";
            } else if ("map".equals(listType) && keys.isArray() && keys.size() == 1) {
                strategy = "merge";
                mergeKey = mergeKey.isEmpty() ? keys.get(0).asText() : mergeKey;
            }
        }
        List<String> strategies = FieldMeta.strategies(strategy);
        return new FieldMeta(strategies, mergeKey, node(property, name));
    }

    private static <T> Supplier<T> memo(Supplier<T> supplier) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public T get() {
                T v = value;
                if (v == null) {
                    v = supplier.get();
                    value = v;
                }
                return v;
            }
        };
    }
}
