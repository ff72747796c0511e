package dev.kelpie.testkit.internal.cluster;

import java.util.Set;

/** Facts about built-in kinds the API server's strategies encode: status subresources and generation. */
final class BuiltInKinds {
    private static final Set<String> WITH_STATUS = Set.of(
            "apps/Deployment", "apps/StatefulSet", "apps/DaemonSet", "apps/ReplicaSet",
            "batch/Job", "batch/CronJob", "/Pod", "/Service", "/Namespace", "/PersistentVolumeClaim",
            "/PersistentVolume", "/Node", "/ReplicationController", "/ResourceQuota",
            "networking.k8s.io/Ingress", "policy/PodDisruptionBudget", "autoscaling/HorizontalPodAutoscaler",
            "apiextensions.k8s.io/CustomResourceDefinition", "certificates.k8s.io/CertificateSigningRequest");
    private static final Set<String> GENERATION_GROUPS = Set.of("apps", "batch", "networking.k8s.io", "policy",
            "autoscaling", "apiextensions.k8s.io", "admissionregistration.k8s.io", "storage.k8s.io");

    private BuiltInKinds() {
    }

    static boolean hasStatus(String group, String kind) {
        return WITH_STATUS.contains(group + "/" + kind);
    }

    /** Whether the server keeps metadata.generation for the kind (ConfigMaps and Secrets have none). */
    static boolean hasGeneration(String group, String kind, boolean custom) {
        return custom || GENERATION_GROUPS.contains(group) || (group.isEmpty() && kind.equals("ReplicationController"));
    }
}
