package dev.kelpie.testkit.internal.ssa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The shape of Kubernetes objects for field ownership, from the list types and map keys the
 * API declares ({@code x-kubernetes-list-type}, {@code x-kubernetes-list-map-keys},
 * {@code patchMergeKey}) for the common fields: containers by name, container ports by
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
    private static final KubernetesShape ROOT = new KubernetesShape("", "", false);

    private final String path;
    private final String field;
    private final boolean freeFormParent;

    private KubernetesShape(String path, String field, boolean freeFormParent) {
        this.path = path;
        this.field = field;
        this.freeFormParent = freeFormParent;
    }

    /** The shape of a whole object. */
    public static KubernetesShape root() {
        return ROOT;
    }

    @Override
    public Form form(JsonNode value) {
        if (value != null && value.isObject()) {
            return Form.MAP;
        }
        if (value != null && value.isArray()) {
            return Form.LIST;
        }
        return Form.SCALAR;
    }

    @Override
    public boolean isAtomic(JsonNode value) {
        if (value != null && value.isArray()) {
            return keys().isEmpty() && !SETS.contains(field);
        }
        if (value != null && value.isObject()) {
            return field.equals("selector") && (value.has("matchLabels") || value.has("matchExpressions"));
        }
        return false;
    }

    @Override
    public Shape field(String name) {
        return new KubernetesShape(path + "." + name, name, FREE_FORM_MAPS.contains(field));
    }

    @Override
    public boolean declares(String name) {
        return !FREE_FORM_MAPS.contains(field);
    }

    @Override
    public Shape element() {
        return new KubernetesShape(path + "[]", field + "[]", false);
    }

    @Override
    public List<String> keys() {
        if (freeFormParent) {
            return List.of();
        }
        if (field.equals("ports")) {
            return path.endsWith("ontainers[].ports") ? List.of("containerPort", "protocol") : List.of("port", "protocol");
        }
        return KEYS_BY_FIELD.getOrDefault(field, List.of());
    }

    @Override
    public Optional<JsonNode> defaultOf(String name) {
        if (name.equals("protocol") && field.equals("ports[]")) {
            return Optional.of(TextNode.valueOf("TCP"));
        }
        return Optional.empty();
    }
}
