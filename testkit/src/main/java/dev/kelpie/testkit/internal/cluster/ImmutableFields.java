package dev.kelpie.testkit.internal.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The update rules of the API server's strategies that reconciliation trips over: fields that
 * may not change once set (Deployment and other workload selectors, Service clusterIP, Job
 * template and selector, StatefulSet fields other than the updatable ones, immutable
 * ConfigMaps and Secrets, role bindings' roleRef, PVC spec outside requests). Stateless.
 */
final class ImmutableFields {
    private static final Set<String> STATEFULSET_UPDATABLE = Set.of("replicas", "template", "updateStrategy",
            "persistentVolumeClaimRetentionPolicy", "minReadySeconds", "ordinals", "revisionHistoryLimit");

    private ImmutableFields() {
    }

    /** Why the update is refused (field and message, as the server words it), or empty when allowed. */
    static Optional<String> violation(String group, String kind, JsonNode before, ObjectNode after) {
        JsonNode oldSpec = before.path("spec");
        JsonNode newSpec = after.path("spec");
        List<String> problems = new ArrayList<>();
        switch (group + "/" + kind) {
            case "apps/Deployment", "apps/ReplicaSet", "apps/DaemonSet" -> immutable("spec.selector", oldSpec.path("selector"),
                    newSpec.path("selector"), problems);
            case "apps/StatefulSet" -> {
                List<String> changed = new ArrayList<>();
                oldSpec.fieldNames().forEachRemaining(f -> {
                    if (!STATEFULSET_UPDATABLE.contains(f) && !oldSpec.get(f).equals(newSpec.path(f))) {
                        changed.add(f);
                    }
                });
                newSpec.fieldNames().forEachRemaining(f -> {
                    if (!STATEFULSET_UPDATABLE.contains(f) && !oldSpec.has(f) && !changed.contains(f)) {
                        changed.add(f);
                    }
                });
                if (!changed.isEmpty()) {
                    problems.add("spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', "
                            + "'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' "
                            + "are forbidden (changed: " + String.join(", ", changed) + ")");
                }
            }
            case "batch/Job" -> {
                immutable("spec.selector", oldSpec.path("selector"), newSpec.path("selector"), problems);
                immutable("spec.template", oldSpec.path("template"), newSpec.path("template"), problems);
                immutable("spec.completions", oldSpec.path("completions"), newSpec.path("completions"), problems);
            }
            case "/Service" -> {
                String oldIp = oldSpec.path("clusterIP").asText("");
                String newIp = newSpec.path("clusterIP").asText("");
                if (!oldIp.isEmpty() && !newIp.isEmpty() && !oldIp.equals(newIp)) {
                    problems.add("spec.clusterIPs[0]: Invalid value: \"" + newIp + "\": may not change once set");
                }
            }
            case "/ConfigMap", "/Secret" -> {
                if (before.path("immutable").asBoolean(false)) {
                    if (!after.path("immutable").asBoolean(false)) {
                        problems.add("immutable: Forbidden: field is immutable when `immutable` is set");
                    }
                    immutable("data", before.path("data"), after.path("data"), problems);
                    immutable("binaryData", before.path("binaryData"), after.path("binaryData"), problems);
                }
            }
            case "rbac.authorization.k8s.io/RoleBinding", "rbac.authorization.k8s.io/ClusterRoleBinding" -> {
                if (!before.path("roleRef").equals(after.path("roleRef"))) {
                    problems.add("roleRef: Invalid value: " + after.path("roleRef") + ": cannot change roleRef");
                }
            }
            case "/PersistentVolumeClaim" -> {
                ObjectNode o = oldSpec.deepCopy() instanceof ObjectNode x ? x : null;
                ObjectNode n = newSpec.deepCopy() instanceof ObjectNode y ? y : null;
                if (o != null && n != null) {
                    o.remove("resources");
                    n.remove("resources");
                    o.remove("volumeName");
                    n.remove("volumeName");
                    if (!o.equals(n)) {
                        problems.add("spec: Forbidden: spec is immutable after creation except resources.requests and "
                                + "volumeAttributesClassName for bound claims");
                    }
                }
            }
            default -> {
                // no immutable fields modelled
            }
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
    }

    private static void immutable(String field, JsonNode before, JsonNode after, List<String> problems) {
        if (!before.isMissingNode() && !before.equals(after)) {
            problems.add(field + ": Invalid value: " + (after.isMissingNode() ? "null" : after.toString())
                    + ": field is immutable");
        }
    }
}
