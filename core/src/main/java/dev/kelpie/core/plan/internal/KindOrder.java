package dev.kelpie.core.plan.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The order kinds are applied in within one wave: Argo CD's list (itself Helm's install order),
 * Namespace first and APIService last. Known kinds rank below zero, unknown kinds (custom
 * resources) rank zero, so they come last, as in Argo CD. Keys are kinds only, as upstream.
 */
public final class KindOrder {
    private static final List<String> KINDS = List.of(
            "Namespace", "NetworkPolicy", "ResourceQuota", "LimitRange", "PodSecurityPolicy",
            "PodDisruptionBudget", "ServiceAccount", "Secret", "SecretList", "ConfigMap", "StorageClass",
            "PersistentVolume", "PersistentVolumeClaim", "CustomResourceDefinition", "ClusterRole",
            "ClusterRoleList", "ClusterRoleBinding", "ClusterRoleBindingList", "Role", "RoleList",
            "RoleBinding", "RoleBindingList", "Service", "DaemonSet", "Pod", "ReplicationController",
            "ReplicaSet", "Deployment", "HorizontalPodAutoscaler", "StatefulSet", "Job", "CronJob",
            "IngressClass", "Ingress", "APIService");
    private static final Map<String, Integer> RANK = new HashMap<>();

    static {
        for (int i = 0; i < KINDS.size(); i++) {
            RANK.put(KINDS.get(i), i - KINDS.size());
        }
    }

    private KindOrder() {
    }

    /** Negative for known kinds (earlier is smaller), 0 for unknown kinds. */
    public static int rank(String kind) {
        return RANK.getOrDefault(kind, 0);
    }
}
