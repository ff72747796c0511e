package dev.kelpie.testkit;

import dev.kelpie.core.backend.Backend;
import dev.kelpie.core.model.Manifests;
import dev.kelpie.core.model.Resource;
import dev.kelpie.testkit.assertj.ClusterAssert;
import dev.kelpie.testkit.assertj.ManifestsAssert;
import dev.kelpie.testkit.assertj.ResourceAssert;

/**
 * The AssertJ entry point for Kelpie types.
 *
 * <pre>{@code
 * import static dev.kelpie.testkit.KelpieAssertions.assertThat;
 * assertThat(cluster).hasResource(id).withLabel("app", "web").isReady();
 * assertThat(manifests).allInNamespace("staging").contains(id).hasField("/spec/replicas", 2);
 * assertThat(cluster).isInSyncWith(manifests);
 * }</pre>
 */
public final class KelpieAssertions {
    private KelpieAssertions() {
    }

    public static ClusterAssert assertThat(Backend cluster) {
        return new ClusterAssert(cluster);
    }

    public static ManifestsAssert assertThat(Manifests manifests) {
        return new ManifestsAssert(manifests);
    }

    public static ResourceAssert assertThat(Resource resource) {
        return new ResourceAssert(resource);
    }
}
