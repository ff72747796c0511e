package dev.kelpie.testkit.assertj;

import dev.kelpie.core.model.Manifests;
import dev.kelpie.core.model.Resource;
import dev.kelpie.core.model.ResourceId;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/** Assertions on rendered {@link Manifests}; extend it with {@code SELF} bound to your subclass. Not thread-safe. */
public abstract class AbstractManifestsAssert<SELF extends AbstractManifestsAssert<SELF>> extends AbstractAssert<SELF, Manifests> {

    protected AbstractManifestsAssert(Manifests actual, Class<?> selfType) {
        super(actual, selfType);
    }

    public SELF hasSize(int n) {
        isNotNull();
        if (actual.size() != n) {
            failWithMessage("Expecting %d objects but found %d: %s", n, actual.size(), actual.ids());
        }
        return myself;
    }

    /** The object is there; continue with assertions on it. */
    public ResourceAssert contains(ResourceId id) {
        isNotNull();
        Optional<Resource> r = actual.get(id);
        if (r.isEmpty()) {
            failWithMessage("Expecting manifests to contain %s but they hold %s", id, actual.ids());
        }
        return new ResourceAssert(r.orElseThrow());
    }

    public SELF doesNotContain(ResourceId id) {
        isNotNull();
        if (actual.contains(id)) {
            failWithMessage("Expecting manifests not to contain %s but they do", id);
        }
        return myself;
    }

    /** The ids, in this order. */
    public SELF containsExactlyIds(ResourceId... ids) {
        isNotNull();
        if (!actual.ids().equals(List.of(ids))) {
            failWithMessage("Expecting manifests %s but they hold %s", List.of(ids), actual.ids());
        }
        return myself;
    }

    /** Every namespaced object is in {@code namespace}. */
    public SELF allInNamespace(String namespace) {
        isNotNull();
        List<ResourceId> elsewhere = actual.ids().stream()
                .filter(id -> !id.namespace().isEmpty() && !id.namespace().equals(namespace)).toList();
        if (!elsewhere.isEmpty()) {
            failWithMessage("Expecting every object in namespace %s but %s are not", namespace, elsewhere);
        }
        return myself;
    }

    public SELF allHaveLabel(String key, String value) {
        isNotNull();
        List<ResourceId> without = actual.stream().filter(r -> !value.equals(r.labels().get(key))).map(Resource::id).toList();
        if (!without.isEmpty()) {
            failWithMessage("Expecting every object to have label %s=%s but %s do not", key, value, without);
        }
        return myself;
    }
}
