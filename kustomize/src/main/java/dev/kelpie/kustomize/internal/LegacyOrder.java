package dev.kelpie.kustomize.internal;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * kustomize's legacy output order: by kind priority (Namespaces and cluster plumbing first,
 * webhook configurations last), then by GVK, then by id.
 */
final class LegacyOrder {
    private static final List<String> FIRST = List.of("Namespace", "ResourceQuota", "StorageClass",
            "CustomResourceDefinition", "ServiceAccount", "PodSecurityPolicy", "Role", "ClusterRole", "RoleBinding",
            "ClusterRoleBinding", "ConfigMap", "Secret", "Endpoints", "Service", "LimitRange", "PriorityClass",
            "PersistentVolume", "PersistentVolumeClaim", "Deployment", "StatefulSet", "CronJob", "PodDisruptionBudget");
    private static final List<String> LAST = List.of("MutatingWebhookConfiguration", "ValidatingWebhookConfiguration");
    private static final Map<String, Integer> RANK = new HashMap<>();

    static {
        for (int i = 0; i < FIRST.size(); i++) {
            RANK.put(FIRST.get(i), i - FIRST.size());
        }
        for (int i = 0; i < LAST.size(); i++) {
            RANK.put(LAST.get(i), i + 1);
        }
    }

    private LegacyOrder() {
    }

    static Comparator<KResource> comparator() {
        return comparator(FIRST, LAST);
    }

    /** An order with custom first and last kind lists (sortOptions.legacySortOptions). */
    static Comparator<KResource> comparator(List<String> first, List<String> last) {
        Map<String, Integer> rank = new HashMap<>();
        for (int i = 0; i < first.size(); i++) {
            rank.put(first.get(i), i - first.size());
        }
        for (int i = 0; i < last.size(); i++) {
            rank.put(last.get(i), i + 1);
        }
        return Comparator.<KResource>comparingInt(r -> rank.getOrDefault(r.kind(), 0))
                .thenComparing(r -> gvk(r.curId()))
                .thenComparing(r -> id(r.curId()));
    }

    private static String gvk(Rid id) {
        return (id.group().isEmpty() ? "~G" : id.group()) + "_" + (id.version().isEmpty() ? "~V" : id.version()) + "_" + id.kind();
    }

    private static String id(Rid id) {
        return id.kind() + "." + id.version() + "." + id.group() + "|" + (id.namespace().isEmpty() ? "~X" : id.namespace())
                + "|" + (id.name().isEmpty() ? "~N" : id.name());
    }
}
