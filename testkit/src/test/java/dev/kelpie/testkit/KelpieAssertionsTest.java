package dev.kelpie.testkit;

import static dev.kelpie.testkit.Fixtures.configMap;
import static dev.kelpie.testkit.Fixtures.deployment;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelpie.core.backend.WriteOptions;
import dev.kelpie.core.model.Manifests;
import dev.kelpie.core.model.Resource;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class KelpieAssertionsTest {
    private final ManualClock clock = ManualClock.standard();
    private final InMemoryCluster cluster = InMemoryCluster.builder().clock(clock).readyDelay(Duration.ofSeconds(5))
            .namespaces("staging").build();

    @Test
    void clusterAssertionsPassOnWhatIsThere() {
        Resource d = deployment("staging", "web", 2, "nginx:1.27");
        cluster.apply(d, WriteOptions.defaults());
        clock.advance(Duration.ofSeconds(5));
        KelpieAssertions.assertThat(cluster).hasResource(d.id()).withLabel("app", "web").hasField("/spec/replicas", 2)
                .isReady().isManagedBy("kelpie").isInNamespace("staging");
        KelpieAssertions.assertThat(cluster).isInSyncWith(Manifests.of(d)).hasCount("apps", "Deployment", "staging", 1);
    }

    @Test
    void failuresNameTheObject() {
        Resource d = deployment("staging", "web", 2, "nginx:1.27");
        cluster.apply(d, WriteOptions.defaults());
        assertThatThrownBy(() -> KelpieAssertions.assertThat(cluster).hasResource(d.id()).isReady())
                .hasMessageContaining("Expecting Deployment.apps staging/web to be ready but readyReplicas 0 of 2");
        assertThatThrownBy(() -> KelpieAssertions.assertThat(cluster).hasResource(d.id()).withLabel("app", "api"))
                .hasMessageContaining("to have label app=api but it is app=web");
        assertThatThrownBy(() -> KelpieAssertions.assertThat(cluster).hasResource(d.id().withName("nope")))
                .hasMessageContaining("Expecting the cluster to have Deployment.apps staging/nope but it does not");
    }

    @Test
    void driftIsReported() {
        Resource c = configMap("staging", "c", "a", "1");
        cluster.apply(c, WriteOptions.defaults());
        Resource changed = configMap("staging", "c", "a", "2");
        assertThatThrownBy(() -> KelpieAssertions.assertThat(cluster).isInSyncWith(Manifests.of(changed)))
                .hasMessageContaining("ConfigMap staging/c .data.a is \"1\", want \"2\"");
    }

    @Test
    void secretValuesStayMasked() {
        Resource s = Fixtures.yaml("""
                apiVersion: v1
                kind: Secret
                metadata: {name: s, namespace: staging}
                data: {password: c2VjcmV0}
                """);
        cluster.apply(s, WriteOptions.defaults());
        Resource other = s.edit(t -> t.with("data").put("password", "b3RoZXI="));
        assertThatThrownBy(() -> KelpieAssertions.assertThat(cluster).isInSyncWith(Manifests.of(other)))
                .hasMessageContaining("<masked>").hasMessageNotContaining("c2VjcmV0").hasMessageNotContaining("b3RoZXI=");
    }

    @Test
    void manifestsAssertions() {
        Manifests m = Manifests.of(deployment("staging", "web", 2, "nginx:1"), configMap("staging", "c", "a", "1"));
        KelpieAssertions.assertThat(m).hasSize(2).allInNamespace("staging").contains(m.ids().get(0)).hasField("/spec/replicas", 2);
        assertThatThrownBy(() -> KelpieAssertions.assertThat(m).allInNamespace("prod"))
                .hasMessageContaining("Expecting every object in namespace prod");
    }
}
