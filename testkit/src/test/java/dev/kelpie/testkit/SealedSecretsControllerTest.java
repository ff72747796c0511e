package dev.kelpie.testkit;

import static dev.kelpie.testkit.Fixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kelpie.core.backend.DeleteOptions;
import dev.kelpie.core.backend.WriteOptions;
import dev.kelpie.core.model.Resource;
import dev.kelpie.core.model.ResourceId;
import dev.kelpie.secrets.KeyRing;
import dev.kelpie.secrets.SealedSecrets;
import dev.kelpie.secrets.SealingKey;
import dev.kelpie.secrets.UnsealingKey;
import java.security.SecureRandom;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SealedSecretsControllerTest {
    private static final ManualClock CLOCK = ManualClock.standard();
    private static KeyRing ring;
    private static SealingKey sealingKey;
    private static SealingKey foreignKey;

    @BeforeAll
    static void keys() {
        UnsealingKey key = UnsealingKey.generate(2048, "test", Duration.ofDays(365), CLOCK, new SecureRandom());
        ring = KeyRing.of(key);
        sealingKey = ring.sealingKey(CLOCK);
        foreignKey = KeyRing.of(UnsealingKey.generate(2048, "other", Duration.ofDays(365), CLOCK, new SecureRandom()))
                .sealingKey(CLOCK);
    }

    private static Resource secret() {
        return yaml("""
                apiVersion: v1
                kind: Secret
                metadata: {name: db, namespace: staging}
                type: Opaque
                data: {password: aHVudGVyMg==}
                """);
    }

    @Test
    void sealedSecretBecomesItsSecretAndGoesWithIt() {
        InMemoryCluster cluster = InMemoryCluster.builder().clock(CLOCK).namespaces("staging").sealedSecrets(ring).build();
        Resource sealed = SealedSecrets.defaults().seal(secret(), sealingKey);
        cluster.apply(sealed, WriteOptions.defaults());
        ResourceId secretId = secret().id();
        KelpieAssertions.assertThat(cluster).hasResource(secretId).hasField("/data/password", "aHVudGVyMg==")
                .isManagedBy("sealed-secrets-controller");
        assertThat(cluster.get(sealed.id()).orElseThrow().unsafeTree().at("/status/conditions/0/status").asText()).isEqualTo("True");
        cluster.delete(sealed.id(), DeleteOptions.defaults());
        KelpieAssertions.assertThat(cluster).doesNotHaveResource(secretId);
    }

    @Test
    void aSealedSecretForAnotherKeyReportsNotSynced() {
        InMemoryCluster cluster = InMemoryCluster.builder().clock(CLOCK).namespaces("staging").sealedSecrets(ring).build();
        Resource sealed = SealedSecrets.defaults().seal(secret(), foreignKey);
        cluster.apply(sealed, WriteOptions.defaults());
        KelpieAssertions.assertThat(cluster).doesNotHaveResource(secret().id());
        Resource status = cluster.get(sealed.id()).orElseThrow();
        assertThat(status.unsafeTree().at("/status/conditions/0/status").asText()).isEqualTo("False");
        assertThat(status.unsafeTree().at("/status/conditions/0/message").asText()).doesNotContain("hunter2");
    }

    @Test
    void withoutTheControllerSealedSecretsAreNotServed() {
        InMemoryCluster cluster = InMemoryCluster.builder().clock(CLOCK).namespaces("staging").build();
        assertThat(cluster.discovery().isNamespaced("bitnami.com", "SealedSecret")).isEmpty();
    }
}
