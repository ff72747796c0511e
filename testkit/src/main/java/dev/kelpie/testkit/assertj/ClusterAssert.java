package dev.kelpie.testkit.assertj;

import dev.kelpie.core.backend.Backend;

/** Assertions on a cluster. Not thread-safe. */
public final class ClusterAssert extends AbstractClusterAssert<ClusterAssert> {
    public ClusterAssert(Backend actual) {
        super(actual, ClusterAssert.class);
    }
}
