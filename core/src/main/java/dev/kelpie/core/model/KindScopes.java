package dev.kelpie.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which kinds are namespaced and which are cluster-scoped.
 *
 * <p>{@link #builtIn()} knows the kinds of Kubernetes 1.33; {@link #withCustomResourceDefinition}
 * adds the scope a CRD declares. A kind neither table knows is reported as unknown
 * ({@link Optional#empty()}), so callers decide (kustomize treats unknown kinds as namespaced).
 * Keys are group-kinds, so the version does not matter. Immutable and thread-safe.
 */
public final class KindScopes {
    private static final KindScopes BUILT_IN = new KindScopes(builtInTable());
    /** Group, then kind, to namespaced: two lookups that build no key (this runs for every object). */
    private final Map<String, Map<String, Boolean>> namespacedByGroupKind;

    private KindScopes(Map<String, Map<String, Boolean>> table) {
        Map<String, Map<String, Boolean>> copy = new HashMap<>();
        table.forEach((group, kinds) -> copy.put(group, Map.copyOf(kinds)));
        this.namespacedByGroupKind = Map.copyOf(copy);
    }

    /** The scopes of the Kubernetes built-in kinds. */
    public static KindScopes builtIn() {
        return BUILT_IN;
    }

    /** {@code true} namespaced, {@code false} cluster-scoped, empty when unknown. */
    public Optional<Boolean> isNamespaced(String group, String kind) {
        return Optional.ofNullable(lookup(group, kind));
    }

    /** Scope of the id's kind, treating unknown kinds as namespaced (kustomize's and kubectl's default). */
    public boolean isNamespacedOrUnknown(ResourceId id) {
        return !Boolean.FALSE.equals(lookup(id.group(), id.kind()));
    }

    public boolean isClusterScoped(String group, String kind) {
        return Boolean.FALSE.equals(lookup(group, kind));
    }

    public boolean isKnown(String group, String kind) {
        return lookup(group, kind) != null;
    }

    /** A table that also knows one kind. */
    public KindScopes with(String group, String kind, boolean namespaced) {
        Map<String, Map<String, Boolean>> copy = new HashMap<>(namespacedByGroupKind);
        Map<String, Boolean> kinds = new HashMap<>(copy.getOrDefault(group, Map.of()));
        kinds.put(kind, namespaced);
        copy.put(group, kinds);
        return new KindScopes(copy);
    }

    /**
     * A table that also knows the kind a {@code CustomResourceDefinition} defines.
     *
     * @throws InvalidResourceException when the CRD lacks spec.group, spec.names.kind or spec.scope
     */
    public KindScopes withCustomResourceDefinition(Resource crd) {
        Objects.requireNonNull(crd, "crd");
        JsonNode spec = crd.unsafeTree().path("spec");
        String group = spec.path("group").asText("");
        String kind = spec.path("names").path("kind").asText("");
        String scope = spec.path("scope").asText("");
        if (group.isEmpty()) {
            throw new InvalidResourceException(crd.origin(), "spec.group", "missing in " + crd.id());
        }
        if (kind.isEmpty()) {
            throw new InvalidResourceException(crd.origin(), "spec.names.kind", "missing in " + crd.id());
        }
        if (!scope.equals("Namespaced") && !scope.equals("Cluster")) {
            throw new InvalidResourceException(crd.origin(), "spec.scope",
                    "expected Namespaced or Cluster in " + crd.id() + ", got \"" + scope + "\"");
        }
        return with(group, kind, scope.equals("Namespaced"));
    }

    private Boolean lookup(String group, String kind) {
        Map<String, Boolean> kinds = namespacedByGroupKind.get(group);
        return kinds == null ? null : kinds.get(kind);
    }

    private static Map<String, Map<String, Boolean>> builtInTable() {
        Map<String, Map<String, Boolean>> t = new HashMap<>();
        String[][] cluster = {
            {"", "Namespace"}, {"", "Node"}, {"", "PersistentVolume"}, {"", "ComponentStatus"},
            {"rbac.authorization.k8s.io", "ClusterRole"}, {"rbac.authorization.k8s.io", "ClusterRoleBinding"},
            {"apiextensions.k8s.io", "CustomResourceDefinition"},
            {"storage.k8s.io", "StorageClass"}, {"storage.k8s.io", "VolumeAttachment"},
            {"storage.k8s.io", "CSIDriver"}, {"storage.k8s.io", "CSINode"},
            {"storage.k8s.io", "VolumeAttributesClass"},
            {"networking.k8s.io", "IngressClass"}, {"networking.k8s.io", "IPAddress"},
            {"networking.k8s.io", "ServiceCIDR"},
            {"scheduling.k8s.io", "PriorityClass"}, {"node.k8s.io", "RuntimeClass"},
            {"admissionregistration.k8s.io", "MutatingWebhookConfiguration"},
            {"admissionregistration.k8s.io", "ValidatingWebhookConfiguration"},
            {"admissionregistration.k8s.io", "ValidatingAdmissionPolicy"},
            {"admissionregistration.k8s.io", "ValidatingAdmissionPolicyBinding"},
            {"admissionregistration.k8s.io", "MutatingAdmissionPolicy"},
            {"admissionregistration.k8s.io", "MutatingAdmissionPolicyBinding"},
            {"apiregistration.k8s.io", "APIService"},
            {"certificates.k8s.io", "CertificateSigningRequest"},
            {"certificates.k8s.io", "ClusterTrustBundle"},
            {"flowcontrol.apiserver.k8s.io", "FlowSchema"},
            {"flowcontrol.apiserver.k8s.io", "PriorityLevelConfiguration"},
            {"policy", "PodSecurityPolicy"}, {"extensions", "PodSecurityPolicy"},
            {"authentication.k8s.io", "TokenReview"}, {"authentication.k8s.io", "SelfSubjectReview"},
            {"authorization.k8s.io", "SubjectAccessReview"},
            {"authorization.k8s.io", "SelfSubjectAccessReview"},
            {"authorization.k8s.io", "SelfSubjectRulesReview"},
            {"resource.k8s.io", "DeviceClass"}, {"resource.k8s.io", "ResourceSlice"},
            {"internal.apiserver.k8s.io", "StorageVersion"},
            {"storagemigration.k8s.io", "StorageVersionMigration"},
        };
        String[][] namespaced = {
            {"", "Pod"}, {"", "Service"}, {"", "ConfigMap"}, {"", "Secret"}, {"", "ServiceAccount"},
            {"", "PersistentVolumeClaim"}, {"", "Endpoints"}, {"", "Event"}, {"", "LimitRange"},
            {"", "ResourceQuota"}, {"", "ReplicationController"}, {"", "PodTemplate"}, {"", "Binding"},
            {"apps", "Deployment"}, {"apps", "StatefulSet"}, {"apps", "DaemonSet"}, {"apps", "ReplicaSet"},
            {"apps", "ControllerRevision"},
            {"extensions", "Deployment"}, {"extensions", "DaemonSet"}, {"extensions", "ReplicaSet"},
            {"extensions", "Ingress"}, {"extensions", "NetworkPolicy"},
            {"batch", "Job"}, {"batch", "CronJob"},
            {"autoscaling", "HorizontalPodAutoscaler"},
            {"networking.k8s.io", "Ingress"}, {"networking.k8s.io", "NetworkPolicy"},
            {"policy", "PodDisruptionBudget"},
            {"rbac.authorization.k8s.io", "Role"}, {"rbac.authorization.k8s.io", "RoleBinding"},
            {"coordination.k8s.io", "Lease"}, {"discovery.k8s.io", "EndpointSlice"},
            {"events.k8s.io", "Event"}, {"storage.k8s.io", "CSIStorageCapacity"},
            {"authorization.k8s.io", "LocalSubjectAccessReview"},
            {"resource.k8s.io", "ResourceClaim"}, {"resource.k8s.io", "ResourceClaimTemplate"},
            {"bitnami.com", "SealedSecret"},
        };
        for (String[] gk : cluster) {
            t.computeIfAbsent(gk[0], g -> new HashMap<>()).put(gk[1], false);
        }
        for (String[] gk : namespaced) {
            t.computeIfAbsent(gk[0], g -> new HashMap<>()).put(gk[1], true);
        }
        return t;
    }
}
