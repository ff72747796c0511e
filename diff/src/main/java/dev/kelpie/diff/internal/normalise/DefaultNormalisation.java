package dev.kelpie.diff.internal.normalise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.kelpie.diff.Quantity;
import dev.kelpie.diff.internal.json.JsonValues;
import dev.kelpie.diff.internal.smp.FieldMeta;
import dev.kelpie.diff.internal.smp.SchemaNode;
import dev.kelpie.diff.internal.smp.Trail;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Kelpie's built-in normalisation, the false positives Kubernetes users meet most: status
 * and server-owned metadata, the last-applied annotation, quantities by value, int-or-string
 * digits, the default {@code protocol: TCP} of ports, Secret {@code stringData} folded into
 * {@code data}, and empty map / empty list / null treated as absent. Idempotent. Stateless.
 */
public final class DefaultNormalisation {
    static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
    static final List<String> SERVER_METADATA = List.of("uid", "resourceVersion", "generation",
            "creationTimestamp", "managedFields", "selfLink");
    private static final Trail TRAIL = Trail.root("normalise");
    /** Canonical quantity texts; the same few values repeat across thousands of objects. Bounded. */
    private static final Map<String, String> QUANTITIES = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_QUANTITIES = 4096;

    private DefaultNormalisation() {
    }

    /**
     * A copy of a live object without what normalisation drops first (status, server-owned
     * metadata, the last-applied annotation), so those subtrees are never copied.
     */
    public static ObjectNode strippedCopy(ObjectNode live) {
        ObjectNode out = live.objectNode();
        live.fields().forEachRemaining(e -> {
            String k = e.getKey();
            if (k.equals("status")) {
                return;
            }
            if (k.equals("metadata") && e.getValue() instanceof ObjectNode md) {
                ObjectNode m = out.putObject("metadata");
                md.fields().forEachRemaining(me -> {
                    if (SERVER_METADATA.contains(me.getKey())) {
                        return;
                    }
                    if (me.getKey().equals("annotations") && me.getValue() instanceof ObjectNode a) {
                        ObjectNode ac = m.putObject("annotations");
                        a.fields().forEachRemaining(ae -> {
                            if (!ae.getKey().equals(LAST_APPLIED)) {
                                ac.set(ae.getKey(), ae.getValue());
                            }
                        });
                        return;
                    }
                    m.set(me.getKey(), me.getValue().deepCopy());
                });
                return;
            }
            out.set(k, e.getValue().deepCopy());
        });
        return out;
    }

    /** Normalises {@code object} in place, walking it with {@code schema} to find quantities. */
    public static void normalise(ObjectNode object, SchemaNode schema) {
        object.remove("status");
        JsonNode metadata = object.get("metadata");
        if (metadata instanceof ObjectNode m) {
            SERVER_METADATA.forEach(m::remove);
            if (m.get("annotations") instanceof ObjectNode a) {
                a.remove(LAST_APPLIED);
            }
        }
        if (isSecret(object)) {
            foldStringData(object);
        }
        walk(object, schema);
    }

    static boolean isSecret(JsonNode object) {
        return "Secret".equals(object.path("kind").asText()) && "v1".equals(object.path("apiVersion").asText());
    }

    private static void foldStringData(ObjectNode secret) {
        JsonNode stringData = secret.remove("stringData");
        if (!(stringData instanceof ObjectNode sd) || sd.isEmpty()) {
            return;
        }
        ObjectNode data = secret.get("data") instanceof ObjectNode d ? d : secret.putObject("data");
        sd.fields().forEachRemaining(e -> data.put(e.getKey(),
                Base64.getEncoder().encodeToString(e.getValue().asText().getBytes(StandardCharsets.UTF_8))));
    }

    /** Returns true when the node ended up empty (and should be dropped by the caller). */
    private static boolean walk(JsonNode node, SchemaNode schema) {
        if (node instanceof ObjectNode o) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                if (JsonValues.isNull(v)) {
                    it.remove();
                    continue;
                }
                SchemaNode child = childSchema(schema, e.getKey(), v);
                JsonNode replaced = leaf(v, child);
                if (replaced != v) {
                    e.setValue(replaced);
                    continue;
                }
                if ("ports".equals(e.getKey()) && v instanceof ArrayNode ports) {
                    defaultProtocol(ports);
                }
                if ((v.isObject() || v.isArray()) && walk(v, child)) {
                    it.remove();
                }
            }
            return o.isEmpty();
        }
        if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                JsonNode v = a.get(i);
                JsonNode replaced = leaf(v, schema);
                if (replaced != v) {
                    a.set(i, replaced);
                } else if (v.isObject() || v.isArray()) {
                    walk(v, schema);
                }
            }
            return a.isEmpty();
        }
        return false;
    }

    private static SchemaNode childSchema(SchemaNode schema, String key, JsonNode value) {
        FieldMeta meta = value.isArray() ? schema.lookupForSlice(key, TRAIL) : schema.lookupForStruct(key, TRAIL);
        return meta.schema();
    }

    /** A scalar as normalisation leaves it: quantities canonical, int-or-string digits as numbers. */
    static JsonNode leaf(JsonNode v, SchemaNode schema) {
        if (!(schema instanceof SchemaNode.Leaf leaf)) {
            return v;
        }
        if (leaf.type() == SchemaNode.LeafType.QUANTITY && (v.isTextual() || v.isNumber())) {
            String text = v.asText();
            String canonical = QUANTITIES.get(text);
            if (canonical == null) {
                canonical = Quantity.parse(text).map(Quantity::canonical).orElse(text);
                if (QUANTITIES.size() >= MAX_QUANTITIES) {
                    QUANTITIES.clear();
                }
                QUANTITIES.put(text, canonical);
            }
            return v.isTextual() && canonical.equals(text) ? v : TextNode.valueOf(canonical);
        }
        if (leaf.type() == SchemaNode.LeafType.INT_OR_STRING && v.isTextual()) {
            String t = v.textValue();
            if (!t.isEmpty() && t.length() < 10 && t.chars().allMatch(Character::isDigit)) {
                return IntNode.valueOf(Integer.parseInt(t));
            }
        }
        return v;
    }

    private static void defaultProtocol(ArrayNode ports) {
        for (JsonNode p : ports) {
            if (p instanceof ObjectNode port && !port.has("protocol")
                    && (port.has("containerPort") || port.has("port"))) {
                port.put("protocol", "TCP");
            }
        }
    }
}
