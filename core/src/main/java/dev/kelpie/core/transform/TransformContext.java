package dev.kelpie.core.transform;

import dev.kelpie.core.model.KindScopes;
import dev.kelpie.core.plan.ApplySetParent;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What transformers know about the render they run in: the application, its destination
 * namespace, kind scopes, the target Kubernetes version, the ApplySet parent; and where they
 * report warnings. One context per render. Thread-safe.
 */
public final class TransformContext {
    private final String app;
    private final String destinationNamespace;
    private final KindScopes scopes;
    private final KubernetesVersion kubernetesVersion;
    private final ApplySetParent applySetParent;
    private final List<String> warnings = new CopyOnWriteArrayList<>();

    private TransformContext(Builder b) {
        this.app = b.app;
        this.destinationNamespace = b.destinationNamespace;
        this.scopes = b.scopes;
        this.kubernetesVersion = b.kubernetesVersion;
        this.applySetParent = b.applySetParent;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The application name, {@code ""} when rendering outside an application. */
    public String app() {
        return app;
    }

    /** The namespace for namespaced objects without one, {@code ""} for none. */
    public String destinationNamespace() {
        return destinationNamespace;
    }

    public KindScopes scopes() {
        return scopes;
    }

    public Optional<KubernetesVersion> kubernetesVersion() {
        return Optional.ofNullable(kubernetesVersion);
    }

    public Optional<ApplySetParent> applySetParent() {
        return Optional.ofNullable(applySetParent);
    }

    /** Records a warning (named by object, never with secret values). */
    public void warn(String message) {
        warnings.add(Objects.requireNonNull(message, "message"));
    }

    /** The warnings so far, in order. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Settings of a context. Not thread-safe; confine to one thread. */
    public static final class Builder {
        private String app = "";
        private String destinationNamespace = "";
        private KindScopes scopes = KindScopes.builtIn();
        private KubernetesVersion kubernetesVersion;
        private ApplySetParent applySetParent;

        private Builder() {
        }

        public Builder app(String name) {
            this.app = Objects.requireNonNull(name, "app");
            return this;
        }

        public Builder destinationNamespace(String ns) {
            this.destinationNamespace = Objects.requireNonNull(ns, "destinationNamespace");
            return this;
        }

        public Builder scopes(KindScopes s) {
            this.scopes = Objects.requireNonNull(s, "scopes");
            return this;
        }

        public Builder kubernetesVersion(KubernetesVersion v) {
            this.kubernetesVersion = Objects.requireNonNull(v, "kubernetesVersion");
            return this;
        }

        public Builder applySetParent(ApplySetParent p) {
            this.applySetParent = Objects.requireNonNull(p, "applySetParent");
            return this;
        }

        public TransformContext build() {
            return new TransformContext(this);
        }
    }
}
