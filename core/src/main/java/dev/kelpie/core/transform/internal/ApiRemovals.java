package dev.kelpie.core.transform.internal;

import dev.kelpie.core.transform.KubernetesVersion;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Kubernetes' deprecated API migration guide as a table: for each group/version/kind, the
 * release that deprecated it, the release that stopped serving it, and what replaces it.
 * Immutable.
 */
public final class ApiRemovals {

    /** One deprecated API version of a kind. {@code replacement} is {@code ""} when there is none. */
    public record Entry(String apiVersion, String kind, KubernetesVersion deprecatedIn, KubernetesVersion removedIn,
                        String replacement) {
    }

    private static final Map<String, Entry> TABLE = new HashMap<>();

    static {
        for (String gv : List.of("extensions/v1beta1", "apps/v1beta1", "apps/v1beta2")) {
            add(gv, "Deployment", "1.9", "1.16", "apps/v1");
            add(gv, "ReplicaSet", "1.9", "1.16", "apps/v1");
            add(gv, "DaemonSet", "1.9", "1.16", "apps/v1");
        }
        add("apps/v1beta1", "StatefulSet", "1.9", "1.16", "apps/v1");
        add("apps/v1beta2", "StatefulSet", "1.9", "1.16", "apps/v1");
        add("apps/v1beta1", "ControllerRevision", "1.9", "1.16", "apps/v1");
        add("apps/v1beta2", "ControllerRevision", "1.9", "1.16", "apps/v1");
        add("extensions/v1beta1", "NetworkPolicy", "1.9", "1.16", "networking.k8s.io/v1");
        add("extensions/v1beta1", "PodSecurityPolicy", "1.11", "1.16", "policy/v1beta1");
        add("extensions/v1beta1", "Ingress", "1.14", "1.22", "networking.k8s.io/v1");
        add("networking.k8s.io/v1beta1", "Ingress", "1.19", "1.22", "networking.k8s.io/v1");
        add("networking.k8s.io/v1beta1", "IngressClass", "1.19", "1.22", "networking.k8s.io/v1");
        add("admissionregistration.k8s.io/v1beta1", "MutatingWebhookConfiguration", "1.16", "1.22",
                "admissionregistration.k8s.io/v1");
        add("admissionregistration.k8s.io/v1beta1", "ValidatingWebhookConfiguration", "1.16", "1.22",
                "admissionregistration.k8s.io/v1");
        add("apiextensions.k8s.io/v1beta1", "CustomResourceDefinition", "1.16", "1.22", "apiextensions.k8s.io/v1");
        add("apiregistration.k8s.io/v1beta1", "APIService", "1.19", "1.22", "apiregistration.k8s.io/v1");
        add("authentication.k8s.io/v1beta1", "TokenReview", "1.19", "1.22", "authentication.k8s.io/v1");
        for (String k : List.of("SubjectAccessReview", "LocalSubjectAccessReview", "SelfSubjectAccessReview")) {
            add("authorization.k8s.io/v1beta1", k, "1.19", "1.22", "authorization.k8s.io/v1");
        }
        add("certificates.k8s.io/v1beta1", "CertificateSigningRequest", "1.19", "1.22", "certificates.k8s.io/v1");
        add("coordination.k8s.io/v1beta1", "Lease", "1.19", "1.22", "coordination.k8s.io/v1");
        for (String k : List.of("ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding")) {
            add("rbac.authorization.k8s.io/v1beta1", k, "1.17", "1.22", "rbac.authorization.k8s.io/v1");
        }
        add("scheduling.k8s.io/v1beta1", "PriorityClass", "1.14", "1.22", "scheduling.k8s.io/v1");
        for (String k : List.of("CSIDriver", "CSINode", "StorageClass", "VolumeAttachment")) {
            add("storage.k8s.io/v1beta1", k, "1.19", "1.22", "storage.k8s.io/v1");
        }
        add("batch/v1beta1", "CronJob", "1.21", "1.25", "batch/v1");
        add("discovery.k8s.io/v1beta1", "EndpointSlice", "1.21", "1.25", "discovery.k8s.io/v1");
        add("events.k8s.io/v1beta1", "Event", "1.19", "1.25", "events.k8s.io/v1");
        add("autoscaling/v2beta1", "HorizontalPodAutoscaler", "1.22", "1.25", "autoscaling/v2");
        add("policy/v1beta1", "PodDisruptionBudget", "1.21", "1.25", "policy/v1");
        add("policy/v1beta1", "PodSecurityPolicy", "1.21", "1.25", "");
        add("node.k8s.io/v1beta1", "RuntimeClass", "1.20", "1.25", "node.k8s.io/v1");
        add("autoscaling/v2beta2", "HorizontalPodAutoscaler", "1.23", "1.26", "autoscaling/v2");
        for (String k : List.of("FlowSchema", "PriorityLevelConfiguration")) {
            add("flowcontrol.apiserver.k8s.io/v1beta1", k, "1.23", "1.26", "flowcontrol.apiserver.k8s.io/v1");
            add("flowcontrol.apiserver.k8s.io/v1beta2", k, "1.26", "1.29", "flowcontrol.apiserver.k8s.io/v1");
            add("flowcontrol.apiserver.k8s.io/v1beta3", k, "1.29", "1.32", "flowcontrol.apiserver.k8s.io/v1");
        }
        add("storage.k8s.io/v1beta1", "CSIStorageCapacity", "1.24", "1.27", "storage.k8s.io/v1");
    }

    private ApiRemovals() {
    }

    private static void add(String apiVersion, String kind, String deprecated, String removed, String replacement) {
        TABLE.put(apiVersion + "/" + kind, new Entry(apiVersion, kind, KubernetesVersion.parse(deprecated),
                KubernetesVersion.parse(removed), replacement));
    }

    /** The entry for an apiVersion and kind, if that version was ever deprecated. */
    public static Optional<Entry> find(String apiVersion, String kind) {
        return Optional.ofNullable(TABLE.get(apiVersion + "/" + kind));
    }
}
