package dev.kelpie.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelpie.testkit.GitFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kelpie kustomize build} with remote resources off (the default) and on. */
class KustomizeCommandTest {
    @TempDir
    Path tmp;

    @Test
    void remoteResourcesAreOffUnlessTheFlagIsGiven() throws Exception {
        Path repo = tmp.resolve("remote");
        GitFixture.fromMap(repo, Map.of("base/kustomization.yaml", "resources: [cm.yaml]\n",
                "base/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n")).close();
        Path overlay = tmp.resolve("overlay");
        Files.createDirectories(overlay);
        String url = "file://" + repo.toAbsolutePath() + "//base?ref=main";
        Files.writeString(overlay.resolve("kustomization.yaml"), "namePrefix: x-\nresources: ['" + url + "']\n");

        CliRun refused = CliRun.of("kustomize", "build", overlay.toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("kustomization.yaml").contains(url).contains("--enable-remote-resources");

        CliRun built = CliRun.of("kustomize", "build", "--enable-remote-resources",
                "--remote-cache", tmp.resolve("cache").toString(), overlay.toString());
        assertThat(built.err()).isEmpty();
        assertThat(built.exitCode()).isZero();
        assertThat(built.out()).contains("name: x-cm");
    }

    @Test
    void helpListsTheRemoteFlag() {
        CliRun help = CliRun.of("kustomize", "build", "--help");
        assertThat(help.out()).contains("--enable-remote-resources").contains("--remote-cache=DIR");
    }
}
