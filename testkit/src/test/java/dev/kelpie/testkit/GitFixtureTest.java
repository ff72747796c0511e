package dev.kelpie.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kelpie.core.model.Manifests;
import dev.kelpie.core.model.Resource;
import dev.kelpie.core.yaml.YamlCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitFixtureTest {
    @TempDir
    Path dir;

    @Test
    void seedHasTheLayoutCommitted() throws IOException {
        try (GitFixture git = GitFixture.seed(dir.resolve("repo"))) {
            assertThat(git.directory().resolve("base/deployment.yaml")).content().contains(SeedLayout.IMAGE);
            assertThat(git.directory().resolve("overlays/production-norway/ingress.yaml")).content().contains("app.example.no");
            assertThat(git.head()).hasSize(40);
        }
    }

    @Test
    void sameStepsGiveTheSameCommitIds() {
        try (GitFixture a = GitFixture.seed(dir.resolve("a")); GitFixture b = GitFixture.seed(dir.resolve("b"))) {
            assertThat(a.head()).isEqualTo(b.head());
        }
    }

    @Test
    void branchesTagsAndForcePush() {
        try (GitFixture git = GitFixture.fromMap(dir.resolve("repo"), Map.of("a.txt", "1"))) {
            String first = git.head();
            git.tag("v1");
            String second = git.commit("two", Map.of("a.txt", "2"));
            git.branch("feature").commit("three", Map.of("b.txt", "3"));
            assertThat(git.branches()).containsExactly("feature", "main");
            git.checkout("main");
            assertThat(git.head()).isEqualTo(second);
            assertThat(git.resolveRef("v1^{commit}")).isEqualTo(first);
            String rewritten = git.forcePush(first, "rewritten", Map.of("a.txt", "rewritten"));
            assertThat(git.isAncestor(second, rewritten)).isFalse();
            assertThat(git.isAncestor(first, rewritten)).isTrue();
            assertThat(git.resolveRef("main")).isEqualTo(rewritten);
        }
    }

    @Test
    void deleteRemovesFiles() {
        try (GitFixture git = GitFixture.fromMap(dir.resolve("repo"), Map.of("a.txt", "1", "b.txt", "2"))) {
            git.delete("drop b", "b.txt");
            assertThat(git.directory().resolve("b.txt")).doesNotExist();
        }
    }

    @Test
    void fromFolderCopiesTheTree() throws IOException {
        Path src = dir.resolve("src/sub");
        Files.createDirectories(src);
        Files.writeString(src.resolve("x.yaml"), "x: 1\n");
        try (GitFixture git = GitFixture.fromFolder(dir.resolve("repo"), dir.resolve("src"))) {
            assertThat(git.directory().resolve("sub/x.yaml")).content().isEqualTo("x: 1\n");
        }
    }

    @Test
    void realKustomizeBuildsTheSeedOverlays() throws Exception {
        assumeTrue(kubectlAvailable(), "kubectl is not installed");
        try (GitFixture git = GitFixture.seed(dir.resolve("repo"))) {
            Manifests staging = kustomize(git.directory().resolve("overlays/staging"));
            Resource deploy = staging.stream().filter(r -> r.kind().equals("Deployment")).findFirst().orElseThrow();
            assertThat(deploy.namespace()).isEqualTo("staging");
            assertThat(deploy.unsafeTree().at("/spec/replicas").asInt()).isEqualTo(2);
            assertThat(deploy.unsafeTree().at("/spec/template/spec/containers/0/resources/limits/memory").asText()).isEqualTo("512Mi");
            Manifests prod = kustomize(git.directory().resolve("overlays/production-norway"));
            assertThat(prod.ids()).extracting(id -> id.kind() + "/" + id.namespace() + "/" + id.name())
                    .containsExactlyInAnyOrder("Service/production/app-backend", "Deployment/production/app-backend",
                            "Ingress/production/app-backend");
            assertThat(prod.stream().filter(r -> r.kind().equals("Deployment")).findFirst().orElseThrow()
                    .unsafeTree().at("/spec/replicas").asInt()).isEqualTo(3);
            Resource svc = prod.stream().filter(r -> r.kind().equals("Service")).findFirst().orElseThrow();
            assertThat(svc.unsafeTree().at("/spec/ports/0/targetPort").asInt()).isEqualTo(8080);
        }
    }

    private static Manifests kustomize(Path overlay) throws Exception {
        Process p = new ProcessBuilder(List.of("kubectl", "kustomize", overlay.toString())).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return YamlCodec.defaults().readManifests(overlay + " (kustomize)", out);
    }

    private static boolean kubectlAvailable() {
        try {
            Process p = new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
