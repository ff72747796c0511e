package dev.kelpie.core.app;

import dev.kelpie.core.model.ResourceId;
import java.util.List;
import java.util.Objects;

/**
 * Differences to ignore on matching objects (Argo CD's {@code ignoreDifferences} entry):
 * group and kind are required, name and namespace {@code ""} mean any; fields are named by
 * JSON pointers ({@code /spec/replicas}), jq path expressions, or the field managers whose
 * fields are ignored. Immutable and thread-safe.
 */
public record IgnoreRule(String group, String kind, String name, String namespace, List<String> jsonPointers,
                         List<String> jqPathExpressions, List<String> managedFieldsManagers) {

    public IgnoreRule {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(namespace, "namespace");
        if (kind.isEmpty()) {
            throw new IllegalArgumentException("kind: required in an ignore rule");
        }
        jsonPointers = List.copyOf(jsonPointers);
        jqPathExpressions = List.copyOf(jqPathExpressions);
        managedFieldsManagers = List.copyOf(managedFieldsManagers);
    }

    /** A rule ignoring JSON pointers on every object of a group-kind. */
    public static IgnoreRule pointers(String group, String kind, String... pointers) {
        return new IgnoreRule(group, kind, "", "", List.of(pointers), List.of(), List.of());
    }

    /** Whether the rule applies to an object (group {@code *} and kind {@code *} match any). */
    public boolean matches(ResourceId id) {
        return (group.equals("*") || group.equals(id.group()))
                && (kind.equals("*") || kind.equals(id.kind()))
                && (name.isEmpty() || name.equals(id.name()))
                && (namespace.isEmpty() || namespace.equals(id.namespace()));
    }
}
