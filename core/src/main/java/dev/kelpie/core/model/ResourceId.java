package dev.kelpie.core.model;

import java.util.Comparator;
import java.util.Objects;

/**
 * The identity of a Kubernetes object: API group, version, kind, namespace and name.
 *
 * <p>Identity ignores the version: {@code apps/v1 Deployment} and {@code apps/v1beta1
 * Deployment} with the same namespace and name are the same object, as the API server sees
 * them. {@link #equals} and {@link #hashCode} therefore compare group, kind, namespace and
 * name only. The core group is {@code ""}; cluster-scoped objects have namespace {@code ""}.
 * Immutable and thread-safe.
 */
public record ResourceId(String group, String version, String kind, String namespace, String name)
        implements Comparable<ResourceId> {

    private static final Comparator<ResourceId> ORDER = Comparator.comparing(ResourceId::group)
            .thenComparing(ResourceId::kind)
            .thenComparing(ResourceId::namespace)
            .thenComparing(ResourceId::name);

    public ResourceId {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
    }

    public static ResourceId of(String group, String version, String kind, String namespace, String name) {
        return new ResourceId(group, version, kind, namespace, name);
    }

    /** Builds an id from an {@code apiVersion} string such as {@code v1} or {@code apps/v1}. */
    public static ResourceId of(String apiVersion, String kind, String namespace, String name) {
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        String version = slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
        return new ResourceId(group, version, kind, namespace == null ? "" : namespace, name);
    }

    /** {@code v1} for the core group, {@code group/version} otherwise. */
    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** {@code Kind} for the core group, {@code Kind.group} otherwise (as kubectl names group-kinds). */
    public String groupKind() {
        return group.isEmpty() ? kind : kind + "." + group;
    }

    public boolean isClusterScoped() {
        return namespace.isEmpty();
    }

    public ResourceId withNamespace(String ns) {
        return new ResourceId(group, version, kind, ns, name);
    }

    public ResourceId withName(String newName) {
        return new ResourceId(group, version, kind, namespace, newName);
    }

    public ResourceId withVersion(String newVersion) {
        return new ResourceId(group, newVersion, kind, namespace, name);
    }

    /** True when both ids name the same object, ignoring the version (same as equals). */
    public boolean sameObject(ResourceId other) {
        return equals(other);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResourceId other
                && group.equals(other.group)
                && kind.equals(other.kind)
                && namespace.equals(other.namespace)
                && name.equals(other.name);
    }

    @Override
    public int hashCode() {
        // Objects.hash(group, kind, namespace, name) without its array: ids are hashed on every map look-up
        return ((((31 + group.hashCode()) * 31 + kind.hashCode()) * 31 + namespace.hashCode()) * 31) + name.hashCode();
    }

    @Override
    public int compareTo(ResourceId o) {
        return ORDER.compare(this, o);
    }

    /** {@code Kind/name} or {@code Kind namespace/name}, group-qualified where it has one. */
    @Override
    public String toString() {
        String gk = groupKind();
        return namespace.isEmpty() ? gk + "/" + name : gk + " " + namespace + "/" + name;
    }
}
