package dev.kelpie.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelpie.core.render.Renderer;
import dev.kelpie.core.yaml.YamlCodec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential: {@code kelpie render} of a kustomize path at a revision prints what
 * {@code kubectl kustomize} prints for a checkout of that revision. Skipped when kubectl is
 * not installed or no kustomize renderer is on the class path.
 */
class RenderMatchesKubectlKustomizeTest {
    @TempDir
    Path tmp;

    @Test
    void renderOfAKustomizePathMatchesKubectl() throws Exception {
        boolean kustomize = StreamSupport.stream(ServiceLoader.load(Renderer.class).spliterator(), false)
                .anyMatch(r -> r.name().equals("kustomize"));
        Assumptions.assumeTrue(kustomize, "no kustomize renderer on the class path");
        Assumptions.assumeTrue(kubectlAvailable(), "kubectl is not installed");
        Path repo = tmp.resolve("repo");
        Files.createDirectories(repo.resolve("base"));
        Files.createDirectories(repo.resolve("overlays/prod"));
        Files.writeString(repo.resolve("base/kustomization.yaml"), "resources: [deploy.yaml, svc.yaml]\n");
        Files.writeString(repo.resolve("base/deploy.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  replicas: 1
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec: {containers: [{name: web, image: nginx:1.25}]}
                """);
        Files.writeString(repo.resolve("base/svc.yaml"), """
                apiVersion: v1
                kind: Service
                metadata: {name: web}
                spec: {selector: {app: web}, ports: [{port: 80}]}
                """);
        Files.writeString(repo.resolve("overlays/prod/kustomization.yaml"), """
                resources: [../../base]
                namespace: prod
                namePrefix: prod-
                labels:
                - pairs: {env: prod}
                images:
                - {name: nginx, newTag: "1.27"}
                replicas:
                - {name: web, count: 3}
                """);
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("one").setAuthor("T", "t@example.invalid").setCommitter("T", "t@example.invalid")
                    .setSign(false).call();
        }
        Process p = new ProcessBuilder("kubectl", "kustomize", repo.resolve("overlays/prod").toString())
                .redirectErrorStream(true).start();
        String expected = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0).as(expected).isTrue();

        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            code = KelpieCli.run("render", "--repo", repo.toString(), "--revision", "main", "--path", "overlays/prod",
                    "--cache", tmp.resolve("cache").toString());
        } finally {
            System.setOut(old);
        }
        assertThat(code).isZero();
        String actual = buf.toString(StandardCharsets.UTF_8);
        YamlCodec yaml = YamlCodec.defaults();
        assertThat(yaml.readResources("kelpie", actual).stream().map(r -> r.unsafeTree()).toList())
                .isEqualTo(yaml.readResources("kubectl", expected).stream().map(r -> r.unsafeTree()).toList());
        assertThat(actual).as("byte for byte").isEqualTo(expected);
    }

    private static boolean kubectlAvailable() {
        try {
            Process p = new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
