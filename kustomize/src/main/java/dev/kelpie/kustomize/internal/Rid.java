package dev.kelpie.kustomize.internal;

import dev.kelpie.core.model.KindScopes;

/**
 * A kustomize resource id: group, version, kind, name and namespace, where the version is part
 * of the identity (kustomize's {@code ResId}). Immutable.
 */
public record Rid(String group, String version, String kind, String name, String namespace) {

    static Rid of(String apiVersion, String kind, String name, String namespace) {
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        String version = slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
        return new Rid(group, version, kind, name, namespace == null ? "" : namespace);
    }

    String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    boolean isClusterScoped() {
        return KindScopes.builtIn().isClusterScoped(group, kind);
    }

    /** The namespace kustomize compares: {@code default} for empty, a marker for cluster scope. */
    String effectiveNamespace() {
        if (isClusterScoped()) {
            return "~X";
        }
        return namespace.isEmpty() ? "default" : namespace;
    }

    boolean sameNamespace(Rid o) {
        return effectiveNamespace().equals(o.effectiveNamespace());
    }

    /** kustomize's {@code ResId.Equals}: same GVK, name and effective namespace. */
    boolean sameAs(Rid o) {
        return group.equals(o.group) && version.equals(o.version) && kind.equals(o.kind)
                && name.equals(o.name) && sameNamespace(o);
    }

    Rid withName(String n) {
        return new Rid(group, version, kind, n, namespace);
    }

    Rid withNamespace(String ns) {
        return new Rid(group, version, kind, name, ns);
    }

    /** As kustomize prints ids in messages, e.g. {@code Deployment.v1.apps/web.prod}. */
    @Override
    public String toString() {
        String gvk = kind + (version.isEmpty() ? "" : "." + version) + (group.isEmpty() ? "" : "." + group);
        return gvk + "/" + name + "." + (namespace.isEmpty() ? "[noNs]" : namespace);
    }
}
