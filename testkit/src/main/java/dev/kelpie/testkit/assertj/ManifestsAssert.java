package dev.kelpie.testkit.assertj;

import dev.kelpie.core.model.Manifests;

/** Assertions on rendered manifests. Not thread-safe. */
public final class ManifestsAssert extends AbstractManifestsAssert<ManifestsAssert> {
    public ManifestsAssert(Manifests actual) {
        super(actual, ManifestsAssert.class);
    }
}
