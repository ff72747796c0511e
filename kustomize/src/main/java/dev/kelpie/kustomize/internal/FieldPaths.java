package dev.kelpie.kustomize.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Walks a {@link FieldSpec} path through an object as kustomize's field-spec filter does:
 * sequences are entered element by element without consuming a path segment, a {@code []}
 * suffix marks a field that must be a sequence, and missing fields are created only when the
 * spec says so (intermediate fields as mappings, the last one as {@code createKind}).
 */
final class FieldPaths {
    /** What to create for a missing last field. */
    enum CreateKind { NONE, MAP, SCALAR }

    private FieldPaths() {
    }

    /**
     * Calls {@code setter} with the value at the end of the path (possibly {@code null} when it was
     * just created as a scalar, or a {@code NullNode}); the returned node replaces it.
     */
    static void apply(JsonNode root, FieldSpec spec, CreateKind createKind, UnaryOperator<JsonNode> setter) {
        walk(root, spec.segments(), 0, spec.create() ? createKind : CreateKind.NONE, setter);
    }

    private static void walk(JsonNode node, List<FieldSpec.Segment> path, int i, CreateKind createKind, UnaryOperator<JsonNode> setter) {
        if (node == null || node.isNull()) {
            return;
        }
        if (node.isArray()) {
            for (JsonNode e : node) {
                walk(e, path, i, createKind, setter);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        ObjectNode obj = (ObjectNode) node;
        FieldSpec.Segment seg = path.get(i);
        boolean isSeq = seg.sequence();
        String field = seg.field();
        boolean last = i == path.size() - 1;
        JsonNode child = obj.get(field);
        boolean mayCreate = createKind != CreateKind.NONE && !isSeq;
        if (child == null || child.isNull()) {
            if (mayCreate) {
                if (last) {
                    child = createKind == CreateKind.MAP ? JsonNodeFactory.instance.objectNode() : null;
                } else {
                    child = JsonNodeFactory.instance.objectNode();
                }
                if (child != null) {
                    obj.set(field, child);
                }
            } else if (child == null) {
                return;
            }
            if (child == null && last) {
                JsonNode v = setter.apply(null);
                if (v != null) {
                    obj.set(field, v);
                }
                return;
            }
        }
        if (last) {
            JsonNode v = setter.apply(child);
            if (v != null && v != child) {
                obj.set(field, v);
            }
            return;
        }
        walk(child, path, i + 1, createKind, setter);
    }
}
