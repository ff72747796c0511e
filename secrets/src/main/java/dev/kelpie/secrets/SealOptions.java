package dev.kelpie.secrets;

import java.util.Objects;
import java.util.Optional;

/**
 * How to seal a Secret, mirroring kubeseal's flags. Defaults are kubeseal's: scope taken from
 * the Secret's own annotations (strict when none), name and namespace from its metadata, no
 * default namespace (a namespaced Secret without one is refused), empty data refused.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * SealOptions o = SealOptions.builder().scope(Scope.NAMESPACE_WIDE).namespace("team-a").build();
 * }</pre>
 */
public final class SealOptions {
    private static final SealOptions DEFAULTS = builder().build();
    private final Scope scope;
    private final String name;
    private final String namespace;
    private final String defaultNamespace;
    private final boolean allowEmptyData;

    private SealOptions(Builder b) {
        this.scope = b.scope;
        this.name = b.name;
        this.namespace = b.namespace;
        this.defaultNamespace = b.defaultNamespace;
        this.allowEmptyData = b.allowEmptyData;
    }

    public static SealOptions defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.scope = scope;
        b.name = name;
        b.namespace = namespace;
        b.defaultNamespace = defaultNamespace;
        b.allowEmptyData = allowEmptyData;
        return b;
    }

    /** The forced scope; empty means "as the Secret's annotations say". */
    public Optional<Scope> scope() {
        return Optional.ofNullable(scope);
    }

    /** Overrides {@code metadata.name} ({@code --name}). */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** The namespace given explicitly ({@code -n}): must match a non-empty {@code metadata.namespace}. */
    public Optional<String> namespace() {
        return Optional.ofNullable(namespace);
    }

    /** Fills an empty namespace (kubeseal takes it from the kubeconfig context). */
    public Optional<String> defaultNamespace() {
        return Optional.ofNullable(defaultNamespace);
    }

    /** Whether a Secret without data may be sealed ({@code --allow-empty-data}). */
    public boolean allowEmptyData() {
        return allowEmptyData;
    }

    @Override
    public String toString() {
        return "SealOptions[scope=" + scope + ", name=" + name + ", namespace=" + namespace
                + ", defaultNamespace=" + defaultNamespace + ", allowEmptyData=" + allowEmptyData + "]";
    }

    /** Collects options. Not thread-safe. */
    public static final class Builder {
        private Scope scope;
        private String name;
        private String namespace;
        private String defaultNamespace;
        private boolean allowEmptyData;

        private Builder() {
        }

        /**
         * Forces the scope: the scope annotations are rewritten (for {@link Scope#STRICT}: removed).
         * Note kubeseal's {@code --scope strict} is its default and leaves annotations alone; the
         * CLI therefore passes no scope for it.
         */
        public Builder scope(Scope s) {
            this.scope = Objects.requireNonNull(s, "scope");
            return this;
        }

        public Builder name(String n) {
            this.name = nonEmpty(n, "name");
            return this;
        }

        public Builder namespace(String ns) {
            this.namespace = nonEmpty(ns, "namespace");
            return this;
        }

        public Builder defaultNamespace(String ns) {
            this.defaultNamespace = nonEmpty(ns, "defaultNamespace");
            return this;
        }

        public Builder allowEmptyData(boolean allow) {
            this.allowEmptyData = allow;
            return this;
        }

        public SealOptions build() {
            return new SealOptions(this);
        }

        private static String nonEmpty(String v, String field) {
            Objects.requireNonNull(v, field);
            if (v.isEmpty()) {
                throw new IllegalArgumentException(field + " must not be empty");
            }
            return v;
        }
    }
}
