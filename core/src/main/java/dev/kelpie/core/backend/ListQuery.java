package dev.kelpie.core.backend;

import java.util.Map;
import java.util.Objects;

/**
 * Which objects to list or watch: a group and kind, a namespace ({@code ""} for all or for
 * cluster-scoped kinds) and equality label selectors (all must match). Immutable and thread-safe.
 */
public record ListQuery(String group, String kind, String namespace, Map<String, String> labelSelector) {
    public ListQuery {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(namespace, "namespace");
        labelSelector = Map.copyOf(labelSelector);
    }

    public static ListQuery of(String group, String kind) {
        return new ListQuery(group, kind, "", Map.of());
    }

    public ListQuery inNamespace(String ns) {
        return new ListQuery(group, kind, ns, labelSelector);
    }

    public ListQuery withLabels(Map<String, String> selector) {
        return new ListQuery(group, kind, namespace, selector);
    }
}
