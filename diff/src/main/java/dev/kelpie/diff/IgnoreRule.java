package dev.kelpie.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Fields the diff must not report, written as Argo CD users write {@code ignoreDifferences}:
 * which objects (group and kind as globs, optional name and namespace) and which fields (JSON
 * pointers, jq path expressions, or everything a field manager owns according to the live
 * object's {@code managedFields}). Ignored fields are removed from both sides before comparing.
 *
 * <pre>{@code
 * IgnoreRule rule = IgnoreRule.builder().group("apps").kind("Deployment")
 *         .jsonPointer("/spec/replicas")
 *         .jqPathExpression(".spec.template.spec.containers[] | select(.name == \"istio-proxy\")")
 *         .managedFieldsManager("kube-controller-manager")
 *         .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param group API group glob ({@code ""} core, {@code *} any)
 * @param kind kind glob ({@code *} any)
 * @param name object name, {@code ""} for any
 * @param namespace namespace, {@code ""} for any
 * @param jsonPointers RFC 6901 pointers, e.g. {@code /spec/replicas}
 * @param jqPathExpressions jq path expressions, e.g. {@code .spec.template.spec.containers[].image}
 * @param managedFieldsManagers field managers whose fields are ignored
 */
public record IgnoreRule(String group, String kind, String name, String namespace, List<String> jsonPointers,
        List<String> jqPathExpressions, List<String> managedFieldsManagers) {

    public IgnoreRule {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(namespace, "namespace");
        jsonPointers = List.copyOf(jsonPointers);
        jqPathExpressions = List.copyOf(jqPathExpressions);
        managedFieldsManagers = List.copyOf(managedFieldsManagers);
        if (kind.isEmpty()) {
            throw new IllegalArgumentException("ignore rule: kind must not be empty (use \"*\" for any kind)");
        }
    }

    /** A builder; group and kind default to {@code *}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether this rule applies to an object of that group, kind, namespace and name. */
    public boolean matches(String objectGroup, String objectKind, String objectNamespace, String objectName) {
        return glob(group, objectGroup) && glob(kind, objectKind)
                && (name.isEmpty() || name.equals(objectName))
                && (namespace.isEmpty() || namespace.equals(objectNamespace));
    }

    static boolean glob(String pattern, String text) {
        return globAt(pattern, 0, text, 0);
    }

    private static boolean globAt(String p, int pi, String t, int ti) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '*') {
                for (int k = ti; k <= t.length(); k++) {
                    if (globAt(p, pi + 1, t, k)) {
                        return true;
                    }
                }
                return false;
            }
            if (ti >= t.length() || (c != '?' && c != t.charAt(ti))) {
                return false;
            }
            pi++;
            ti++;
        }
        return ti == t.length();
    }

    /** Builds an {@link IgnoreRule}. Not thread-safe. */
    public static final class Builder {
        private String group = "*";
        private String kind = "*";
        private String name = "";
        private String namespace = "";
        private final List<String> pointers = new ArrayList<>();
        private final List<String> jq = new ArrayList<>();
        private final List<String> managers = new ArrayList<>();

        private Builder() {
        }

        /** The API group glob ({@code ""} is the core group). */
        public Builder group(String group) {
            this.group = Objects.requireNonNull(group, "group");
            return this;
        }

        /** The kind glob. */
        public Builder kind(String kind) {
            this.kind = Objects.requireNonNull(kind, "kind");
            return this;
        }

        /** Only objects of this name. */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /** Only objects in this namespace. */
        public Builder namespace(String namespace) {
            this.namespace = Objects.requireNonNull(namespace, "namespace");
            return this;
        }

        /** Ignores the field at this JSON pointer. */
        public Builder jsonPointer(String pointer) {
            pointers.add(Objects.requireNonNull(pointer, "pointer"));
            return this;
        }

        /** Ignores the fields this jq path expression selects. */
        public Builder jqPathExpression(String expression) {
            jq.add(Objects.requireNonNull(expression, "expression"));
            return this;
        }

        /** Ignores the fields this manager owns in the live object's {@code managedFields}. */
        public Builder managedFieldsManager(String manager) {
            managers.add(Objects.requireNonNull(manager, "manager"));
            return this;
        }

        /**
         * The rule.
         *
         * @throws IllegalArgumentException naming the bad field: an empty kind, an invalid
         *     pointer or jq expression
         */
        public IgnoreRule build() {
            IgnoreRule rule = new IgnoreRule(group, kind, name, namespace, pointers, jq, managers);
            dev.kelpie.diff.internal.normalise.IgnoreRules.validate(rule);
            return rule;
        }
    }
}
