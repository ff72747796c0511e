package dev.kelpie.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.core.model.internal.FrozenTrees;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An immutable Kubernetes object: a Jackson tree, its {@link ResourceId} and its {@link Origin}.
 *
 * <p>The tree is copied on the way in and never handed out mutable: {@link #object()} returns a
 * copy, and {@link #edit(Consumer)} returns a new resource. A resource needs {@code apiVersion},
 * {@code kind} and {@code metadata.name} (or {@code metadata.generateName}) as strings.
 * {@link #toString()} names the object only, never its content (Secrets stay masked).
 * Immutable and thread-safe.
 */
public final class Resource {
    private final ObjectNode tree;
    private final ResourceId id;
    private final Origin origin;

    private Resource(ObjectNode tree, Origin origin) {
        this(tree, origin, idOf(tree, origin));
    }

    private Resource(ObjectNode tree, Origin origin, ResourceId id) {
        this.tree = tree;
        this.origin = origin;
        this.id = id;
    }

    /** A resource from a tree, validated and copied. */
    public static Resource of(JsonNode tree) {
        return of(tree, Origin.UNKNOWN);
    }

    /**
     * A resource from a tree read at {@code origin}, validated and copied.
     *
     * @throws InvalidResourceException when apiVersion, kind or metadata.name is missing or not a string
     */
    public static Resource of(JsonNode tree, Origin origin) {
        Objects.requireNonNull(tree, "tree");
        Objects.requireNonNull(origin, "origin");
        if (!tree.isObject()) {
            throw new InvalidResourceException(origin, "<document>", "expected a mapping, got " + describe(tree));
        }
        return new Resource(((ObjectNode) tree).deepCopy(), origin);
    }

    /**
     * Wraps a tree the caller promises never to touch again, without a copy. For pipelines that
     * just built the tree; everyone else uses {@link #of(JsonNode, Origin)}.
     */
    public static Resource adopt(ObjectNode tree, Origin origin) {
        return new Resource(Objects.requireNonNull(tree, "tree"), Objects.requireNonNull(origin, "origin"));
    }

    private static ResourceId idOf(ObjectNode tree, Origin origin) {
        String apiVersion = requiredString(tree, "apiVersion", origin);
        String kind = requiredString(tree, "kind", origin);
        JsonNode metadata = tree.get("metadata");
        if (metadata == null || !metadata.isObject()) {
            throw new InvalidResourceException(origin, "metadata",
                    metadata == null ? "missing" : "expected a mapping, got " + describe(metadata));
        }
        String name = optionalString(metadata, "name", origin);
        if (name == null || name.isEmpty()) {
            String generateName = optionalString(metadata, "generateName", origin);
            if (generateName == null || generateName.isEmpty()) {
                throw new InvalidResourceException(origin, "metadata.name", "missing (" + kind + ")");
            }
            name = "";
        }
        String namespace = optionalString(metadata, "namespace", origin);
        return ResourceId.of(apiVersion, kind, namespace == null ? "" : namespace, name);
    }

    private static String requiredString(JsonNode node, String field, Origin origin) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new InvalidResourceException(origin, field, "missing");
        }
        if (!v.isTextual() || v.asText().isEmpty()) {
            throw new InvalidResourceException(origin, field, "expected a non-empty string, got " + describe(v));
        }
        return v.asText();
    }

    private static String optionalString(JsonNode node, String field, Origin origin) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new InvalidResourceException(origin, "metadata." + field, "expected a string, got " + describe(v));
        }
        return v.asText();
    }

    private static String describe(JsonNode n) {
        return switch (n.getNodeType()) {
            case OBJECT -> "a mapping";
            case ARRAY -> "a sequence";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL, MISSING -> "null";
            default -> n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        };
    }

    public ResourceId id() {
        return id;
    }

    public Origin origin() {
        return origin;
    }

    public String apiVersion() {
        return id.apiVersion();
    }

    public String kind() {
        return id.kind();
    }

    public String name() {
        return id.name();
    }

    /** The namespace, or {@code ""} when the object has none. */
    public String namespace() {
        return id.namespace();
    }

    /** A mutable deep copy of the object. */
    public ObjectNode object() {
        return tree.deepCopy();
    }

    /**
     * The tree itself, for read-only use on hot paths (diffing thousands of objects). Callers
     * must not modify it; everything else uses {@link #object()}.
     */
    public ObjectNode unsafeTree() {
        return tree;
    }

    /** A copy of the node at a JSON pointer such as {@code /spec/replicas}. */
    public Optional<JsonNode> at(String jsonPointer) {
        JsonNode n = tree.at(jsonPointer);
        return n.isMissingNode() ? Optional.empty() : Optional.of(n.deepCopy());
    }

    public Map<String, String> labels() {
        return stringMap("labels");
    }

    public Map<String, String> annotations() {
        return stringMap("annotations");
    }

    private Map<String, String> stringMap(String field) {
        JsonNode m = tree.path("metadata").path(field);
        if (!m.isObject()) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        m.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
        return Collections.unmodifiableMap(out);
    }

    /** A new resource: a copy of this tree changed by {@code change}, keeping the origin. */
    public Resource edit(Consumer<ObjectNode> change) {
        ObjectNode copy = tree.deepCopy();
        change.accept(copy);
        return new Resource(copy, origin);
    }

    /**
     * This resource with a compact, read-only tree, for objects kept a long time (a cluster's
     * store, a render cache): about a third of the memory, equal and serialised the same.
     * Its {@link #unsafeTree()} throws {@link UnsupportedOperationException} on any change;
     * {@link #object()} still gives a mutable copy.
     */
    public Resource frozen() {
        return FrozenTrees.isFrozen(tree) ? this : new Resource(FrozenTrees.freezeObject(tree), origin, id);
    }

    public Resource withOrigin(Origin newOrigin) {
        return new Resource(tree, Objects.requireNonNull(newOrigin, "newOrigin"));
    }

    public Resource withNamespace(String namespace) {
        return edit(t -> {
            ObjectNode md = (ObjectNode) t.get("metadata");
            if (namespace.isEmpty()) {
                md.remove("namespace");
            } else {
                md.put("namespace", namespace);
            }
        });
    }

    public Resource withLabel(String key, String value) {
        return edit(t -> metadataMap(t, "labels").put(key, value));
    }

    public Resource withAnnotation(String key, String value) {
        return edit(t -> metadataMap(t, "annotations").put(key, value));
    }

    public Resource withoutAnnotation(String key) {
        return edit(t -> {
            JsonNode a = t.path("metadata").path("annotations");
            if (a.isObject()) {
                ((ObjectNode) a).remove(key);
                if (a.isEmpty()) {
                    ((ObjectNode) t.get("metadata")).remove("annotations");
                }
            }
        });
    }

    private static ObjectNode metadataMap(ObjectNode t, String field) {
        ObjectNode md = (ObjectNode) t.get("metadata");
        JsonNode m = md.get(field);
        if (m == null || !m.isObject()) {
            ObjectNode created = JsonNodeFactory.instance.objectNode();
            md.set(field, created);
            return created;
        }
        return (ObjectNode) m;
    }

    /** Same object content (origin is not part of equality). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Resource other && tree.equals(other.tree);
    }

    @Override
    public int hashCode() {
        return tree.hashCode();
    }

    /** Names the object and where it came from; never prints content. */
    @Override
    public String toString() {
        return id + " (" + origin + ")";
    }
}
