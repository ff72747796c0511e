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
    private LegacyOrder() {
    }

    /** Sorts in kustomize's legacy order. */
    static void sort(List<KResource> objects) {
        sort(objects, FIRST, LAST);
    }

    /**
     * Sorts with custom first and last kind lists (sortOptions.legacySortOptions). The keys are
     * computed once per object rather than once per comparison; the sort is stable, as before.
     */
    static void sort(List<KResource> objects, List<String> first, List<String> last) {
        Map<String, Integer> rank = new HashMap<>();
        for (int i = 0; i < first.size(); i++) {
            rank.put(first.get(i), i - first.size());
        }
        for (int i = 0; i < last.size(); i++) {
            rank.put(last.get(i), i + 1);
        }
        List<Keyed> keyed = new java.util.ArrayList<>(objects.size());
        for (KResource r : objects) {
            Rid id = r.curId();
            keyed.add(new Keyed(rank.getOrDefault(r.kind(), 0), gvk(id), id(id), r));
        }
        keyed.sort(Comparator.comparingInt(Keyed::rank).thenComparing(Keyed::gvk).thenComparing(Keyed::id));
        for (int i = 0; i < keyed.size(); i++) {
            objects.set(i, keyed.get(i).object());
        }
    }

    private record Keyed(int rank, String gvk, String id, KResource object) {
    }

    private static String gvk(Rid id) {
        return (id.group().isEmpty() ? "~G" : id.group()) + "_" + (id.version().isEmpty() ? "~V" : id.version()) + "_" + id.kind();
    }

    private static String id(Rid id) {
        return id.kind() + "." + id.version() + "." + id.group() + "|" + (id.namespace().isEmpty() ? "~X" : id.namespace())
                + "|" + (id.name().isEmpty() ? "~N" : id.name());
    }
}
