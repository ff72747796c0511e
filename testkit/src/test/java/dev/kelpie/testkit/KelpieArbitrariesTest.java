package dev.kelpie.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelpie.core.backend.WriteOptions;
import dev.kelpie.core.model.Manifests;
import dev.kelpie.core.model.Resource;
import dev.kelpie.core.yaml.YamlCodec;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class KelpieArbitrariesTest {

    @Provide
    Arbitrary<Resource> resources() {
        return KelpieArbitraries.resources();
    }

    @Provide
    Arbitrary<Manifests> manifests() {
        return KelpieArbitraries.manifests(8);
    }

    @Property(tries = 60)
    void everyGeneratedObjectIsAcceptedAndApplyingTwiceChangesNothing(@ForAll("resources") Resource r) {
        InMemoryCluster cluster = InMemoryCluster.builder().controllers(false)
                .namespaces(KelpieArbitraries.NAMESPACES.toArray(String[]::new)).build();
        Resource first = cluster.apply(r, WriteOptions.defaults());
        Resource second = cluster.apply(r, WriteOptions.defaults());
        assertThat(second).isEqualTo(first);
        KelpieAssertions.assertThat(cluster).isInSyncWith(Manifests.of(r));
    }

    @Property(tries = 30)
    void generatedManifestsSurviveAYamlRoundTrip(@ForAll("manifests") Manifests m) {
        YamlCodec yaml = YamlCodec.defaults();
        assertThat(yaml.readManifests("generated.yaml", yaml.write(m))).isEqualTo(m);
    }

    @Property(tries = 20)
    void wholeManifestsApplyInOrder(@ForAll("manifests") Manifests m) {
        InMemoryCluster cluster = InMemoryCluster.builder().controllers(false)
                .namespaces(KelpieArbitraries.NAMESPACES.toArray(String[]::new)).build();
        cluster.applyAll(m, WriteOptions.defaults());
        KelpieAssertions.assertThat(cluster).isInSyncWith(m);
    }
}
