package dev.kelpie.testkit.internal.ssa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.kelpie.diff.FieldPatchMetadata;
import dev.kelpie.diff.PatchMetadata;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The shape of Kubernetes objects for field ownership. For built-in kinds it reads the list
 * types, map keys and map types the API declares ({@code x-kubernetes-list-type},
 * {@code x-kubernetes-list-map-keys}, {@code x-kubernetes-map-type}, else a merge
 * {@code x-kubernetes-patch-strategy} with its {@code patchMergeKey}) from the diff module's
 * patch metadata; for custom kinds and fields the metadata does not know, a table of the common
 * fields: containers by name, container ports by
 * containerPort and protocol (default TCP), Service ports by port and protocol, env by name,
 * volumes by name, volumeMounts by mountPath, conditions by type, ownerReferences by uid,
 * finalizers as a set. Label selectors with matchLabels are atomic. Other lists are atomic and
 * other maps granular, as for a CRD without list annotations. Immutable and thread-safe.
 */
public final class KubernetesShape implements Shape {
    private static final Map<String, List<String>> KEYS_BY_FIELD = Map.ofEntries(
            Map.entry("containers", List.of("name")),
            Map.entry("initContainers", List.of("name")),
            Map.entry("ephemeralContainers", List.of("name")),
            Map.entry("env", List.of("name")),
            Map.entry("volumes", List.of("name")),
            Map.entry("volumeMounts", List.of("mountPath")),
            Map.entry("volumeDevices", List.of("devicePath")),
            Map.entry("imagePullSecrets", List.of("name")),
            Map.entry("hostAliases", List.of("ip")),
            Map.entry("ownerReferences", List.of("uid")),
            Map.entry("conditions", List.of("type")),
            Map.entry("topologySpreadConstraints", List.of("topologyKey", "whenUnsatisfiable")),
            Map.entry("resourceClaims", List.of("name")),
            Map.entry("schedulingGates", List.of("name")));
    private static final Set<String> SETS = Set.of("finalizers");
    private static final Set<String> FREE_FORM_MAPS = Set.of("labels", "annotations", "data", "stringData",
            "binaryData", "nodeSelector", "matchLabels", "limits", "requests", "capacity", "allocatable");
    private static final Lookup NO_METADATA = new Lookup(null, "", "", "");
    private static final KubernetesShape ROOT = new KubernetesShape(NO_METADATA, "", "", false);

    private final Lookup lookup;
    private final String path;
    private final String field;
    private final boolean freeFormParent;

    private KubernetesShape(Lookup lookup, String path, String field, boolean freeFormParent) {
        this.lookup = lookup;
        this.path = path;
        this.field = field;
        this.freeFormParent = freeFormParent;
    }

    /** The shape of a whole object of any kind, from the table of common fields only. */
    public static KubernetesShape root() {
        return ROOT;
    }

    /** The shape of a whole object of this kind, from the patch metadata where it knows the kind. */
    public static KubernetesShape of(PatchMetadata metadata, String group, String version, String kind) {
        return new KubernetesShape(new Lookup(metadata, group, version, kind), "", "", false);
    }

    /** Cached metadata lookups of one kind, by field path. Thread-safe. */
    private static final class Lookup {
        private final PatchMetadata metadata;
        private final String group;
        private final String version;
        private final String kind;
        private final Map<String, Optional<FieldPatchMetadata>> cache = new ConcurrentHashMap<>();

        Lookup(PatchMetadata metadata, String group, String version, String kind) {
            this.metadata = metadata;
            this.group = group;
            this.version = version;
            this.kind = kind;
        }

        Optional<FieldPatchMetadata> at(String path) {
            if (metadata == null || path.isEmpty()) {
                return Optional.empty();
            }
            return cache.computeIfAbsent(path, p -> metadata.field(group, version, kind, p.substring(1)));
        }
    }

    @Override
    public Form form(JsonNode value) {
        return Shape.formOf(value);
    }

    @Override
    public boolean isAtomic(JsonNode value) {
        Optional<FieldPatchMetadata> md = lookup.at(path);
        if (value != null && value.isArray()) {
            if (md.isPresent() && isSet(md.get())) {
                return false;
            }
            return keys().isEmpty() && !SETS.contains(field);
        }
        if (value != null && value.isObject()) {
            if (md.isPresent() && !md.get().mapType().isEmpty()) {
                return md.get().mapType().equals("atomic");
            }
            return field.equals("selector") && (value.has("matchLabels") || value.has("matchExpressions"));
        }
        return false;
    }

    @Override
    public Shape field(String name) {
        boolean freeForm = FREE_FORM_MAPS.contains(field);
        return new KubernetesShape(lookup, freeForm ? path + "{}" : path + "." + name, name, freeForm);
    }

    @Override
    public boolean declares(String name) {
        return !FREE_FORM_MAPS.contains(field);
    }

    @Override
    public Shape element() {
        return new KubernetesShape(lookup, path + "[]", field + "[]", false);
    }

    @Override
    public List<String> keys() {
        if (freeFormParent) {
            return List.of();
        }
        Optional<FieldPatchMetadata> md = lookup.at(path);
        if (md.isPresent()) {
            FieldPatchMetadata m = md.get();
            if (m.listType().equals("map") && !m.listMapKeys().isEmpty()) {
                return m.listMapKeys();
            }
            if (m.listType().equals("atomic") || isSet(m)) {
                return List.of();
            }
            if (m.listType().isEmpty() && m.patchStrategies().contains("merge") && !m.patchMergeKey().isEmpty()) {
                return List.of(m.patchMergeKey());
            }
            if (m.listType().isEmpty() && !m.patchStrategies().contains("merge")) {
                return List.of();
            }
        }
        if (field.equals("ports")) {
            return path.endsWith("ontainers[].ports") ? List.of("containerPort", "protocol") : List.of("port", "protocol");
        }
        return KEYS_BY_FIELD.getOrDefault(field, List.of());
    }

    private static boolean isSet(FieldPatchMetadata m) {
        return m.listType().equals("set") || (m.listType().isEmpty() && m.patchStrategies().contains("merge") && m.patchMergeKey().isEmpty());
    }

    @Override
    public Optional<JsonNode> defaultOf(String name) {
        if (name.equals("protocol") && field.equals("ports[]")) {
            return Optional.of(TextNode.valueOf("TCP"));
        }
        return Optional.empty();
    }
}
