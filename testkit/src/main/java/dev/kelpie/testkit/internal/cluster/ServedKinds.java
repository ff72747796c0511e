package dev.kelpie.testkit.internal.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kelpie.core.backend.Discovery;
import dev.kelpie.core.model.KindScopes;
import dev.kelpie.core.model.Resource;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the in-memory cluster serves: the built-in kinds of Kubernetes 1.33 at the versions that
 * release serves, and the kinds of established CustomResourceDefinitions at their served
 * versions. Thread-safe.
 */
public final class ServedKinds implements Discovery {
    /** Served versions of the built-in groups; a built-in group not listed serves only v1. */
    private static final Map<String, Set<String>> BUILT_IN_VERSIONS = Map.of(
            "", Set.of("v1"),
            "autoscaling", Set.of("v1", "v2"),
            "admissionregistration.k8s.io", Set.of("v1", "v1beta1"),
            "resource.k8s.io", Set.of("v1beta1", "v1beta2"),
            "storagemigration.k8s.io", Set.of("v1alpha1"),
            "internal.apiserver.k8s.io", Set.of("v1alpha1"),
            "certificates.k8s.io", Set.of("v1", "v1beta1"));
    /** Groups KindScopes knows that Kubernetes 1.33 no longer serves, or that need a CRD. */
    private static final Set<String> NOT_BUILT_IN = Set.of("extensions", "bitnami.com");

    private final Map<String, CustomKind> custom = new ConcurrentHashMap<>();

    /** A kind a CRD defines. */
    record CustomKind(boolean namespaced, Set<String> versions, boolean statusSubresource) {
    }

    @Override
    public Optional<Boolean> isNamespaced(String group, String kind) {
        CustomKind c = custom.get(group + "/" + kind);
        if (c != null) {
            return Optional.of(c.namespaced());
        }
        if (NOT_BUILT_IN.contains(group) || (group.equals("policy") && kind.equals("PodSecurityPolicy"))) {
            return Optional.empty();
        }
        return KindScopes.builtIn().isNamespaced(group, kind);
    }

    @Override
    public boolean serves(String group, String version, String kind) {
        CustomKind c = custom.get(group + "/" + kind);
        if (c != null) {
            return c.versions().contains(version);
        }
        return isNamespaced(group, kind).isPresent()
                && BUILT_IN_VERSIONS.getOrDefault(group, Set.of("v1")).contains(version);
    }

    boolean isCustom(String group, String kind) {
        return custom.containsKey(group + "/" + kind);
    }

    boolean hasStatusSubresource(String group, String kind) {
        CustomKind c = custom.get(group + "/" + kind);
        return c != null ? c.statusSubresource() : BuiltInKinds.hasStatus(group, kind);
    }

    /** Serves a kind as if its CRD were installed (controllers that bring their own CRD). */
    void serve(String group, String kind, boolean namespaced, Set<String> versions, boolean status) {
        custom.put(group + "/" + kind, new CustomKind(namespaced, Set.copyOf(versions), status));
    }

    /** Registers the kind of an established CRD. */
    void establish(Resource crd) {
        JsonNode spec = crd.unsafeTree().path("spec");
        String group = spec.path("group").asText();
        String kind = spec.path("names").path("kind").asText();
        Set<String> versions = new java.util.HashSet<>();
        boolean status = false;
        for (JsonNode v : spec.path("versions")) {
            if (v.path("served").asBoolean(true)) {
                versions.add(v.path("name").asText());
            }
            status |= v.path("subresources").has("status");
        }
        custom.put(group + "/" + kind, new CustomKind(spec.path("scope").asText().equals("Namespaced"), Set.copyOf(versions), status));
    }

    void forget(Resource crd) {
        JsonNode spec = crd.unsafeTree().path("spec");
        custom.remove(spec.path("group").asText() + "/" + spec.path("names").path("kind").asText());
    }
}
