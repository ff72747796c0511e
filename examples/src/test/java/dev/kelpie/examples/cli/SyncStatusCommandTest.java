package dev.kelpie.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelpie.testkit.GitFixture;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncStatusCommandTest {
    @TempDir
    Path dir;

    @Test
    void syncPersistsTheEmbeddedClusterAndStatusReadsItBack() {
        try (GitFixture repo = GitFixture.seed(dir.resolve("repo"))) {
            String[] common = {"--state", dir.resolve("state").toString(), "--repo", repo.uri(),
                "--path", "overlays/staging", "-n", "staging", "--prune", "--cache", dir.resolve("cache").toString()};
            CliRun before = CliRun.of(concat("status", common));
            assertThat(before.exitCode()).as(before.out() + before.err()).isEqualTo(3); // drift: nothing applied yet
            CliRun sync = CliRun.of(concat("sync", common));
            assertThat(sync.exitCode()).as(sync.out() + sync.err()).isZero();
            assertThat(sync.out()).contains("create").contains("Deployment.apps").contains("Synced");
            CliRun after = CliRun.of(concat("status", common));
            assertThat(after.exitCode()).as(after.out()).isZero();
            assertThat(after.out()).contains("unchanged").doesNotContain(" create ");

            repo.commit("drop service", Map.of("base/kustomization.yaml",
                    "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- deployment.yaml\n"));
            CliRun prune = CliRun.of(concat("sync", common));
            assertThat(prune.exitCode()).as(prune.out() + prune.err()).isZero();
            assertThat(prune.out()).contains("prune").contains("Service");
        }
    }

    @Test
    void missingSourceIsAUsageError() {
        CliRun run = CliRun.of("sync", "--state", dir.resolve("s").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--application").contains("--repo");
    }

    private static String[] concat(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
