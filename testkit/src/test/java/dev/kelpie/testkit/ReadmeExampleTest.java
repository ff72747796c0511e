package dev.kelpie.testkit;

import static dev.kelpie.testkit.KelpieAssertions.assertThat;

import dev.kelpie.core.backend.WriteOptions;
import dev.kelpie.core.model.Manifests;
import dev.kelpie.core.model.ResourceId;
import dev.kelpie.core.yaml.YamlCodec;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The GitOps flow shown in the module README, kept compiling and passing. */
class ReadmeExampleTest {
    @TempDir
    Path tmp;

    @Test
    void gitOpsFlow() {
        ManualClock clock = ManualClock.standard();
        InMemoryCluster cluster = InMemoryCluster.builder().clock(clock).readyDelay(Duration.ofSeconds(30)).namespaces("staging").build();
        try (GitFixture git = GitFixture.seed(tmp.resolve("repo"))) {
            Manifests desired = YamlCodec.defaults().readManifests(git.directory().resolve("base/deployment.yaml"))
                    .map(r -> r.withNamespace("staging"));
            cluster.applyAll(desired, WriteOptions.defaults().withFieldManager("kelpie"));
            clock.advance(Duration.ofSeconds(30));
            assertThat(cluster).isInSyncWith(desired)
                    .hasResource(ResourceId.of("apps", "v1", "Deployment", "staging", "app-backend"))
                    .withLabel("app", "app-backend").isReady();
        }
    }
}
