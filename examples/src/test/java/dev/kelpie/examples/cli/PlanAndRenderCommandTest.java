package dev.kelpie.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanAndRenderCommandTest {
    @TempDir
    Path tmp;

    private record Run(int code, String out) {
    }

    private static Run run(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            int code = KelpieCli.run(args);
            return new Run(code, buf.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(old);
        }
    }

    private Path repo() throws Exception {
        Path repo = tmp.resolve("repo");
        Files.createDirectories(repo.resolve("app"));
        Files.writeString(repo.resolve("app/cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\ndata:\n  k: v2\n");
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("one").setAuthor("T", "t@example.invalid").setCommitter("T", "t@example.invalid")
                    .setSign(false).call();
        }
        return repo;
    }

    @Test
    void renderPrintsTheManifestsOfARevision() throws Exception {
        Run r = run("render", "--repo", repo().toString(), "--revision", "main", "--path", "app",
                "--cache", tmp.resolve("cache").toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("kind: ConfigMap").contains("name: web").contains("k: v2");
    }

    @Test
    void planShowsStepsAndRefusesAnEmptyPrune() throws Exception {
        Path repo = repo();
        Path live = tmp.resolve("live.yaml");
        Files.writeString(live, """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: web, namespace: prod}
                data: {k: v1}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: old, namespace: prod}
                """);
        Path inventory = tmp.resolve("inv.yaml");
        Files.writeString(inventory, """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: web, namespace: prod}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: old, namespace: prod}
                """);
        String cache = tmp.resolve("cache").toString();
        Run ok = run("plan", "--repo", repo.toString(), "--path", "app", "-n", "prod", "--app", "shop", "--cache", cache,
                "--live", live.toString(), "--inventory", inventory.toString(), "--prune");
        assertThat(ok.code()).isZero();
        assertThat(ok.out()).contains("update").contains("ConfigMap prod/web")
                .contains("  prune ConfigMap prod/old: no longer in Git").contains("Summary: create=0 update=1 unchanged=0 prune=1 skip=0");
        Run json = run("plan", "--repo", repo.toString(), "--path", "app", "-n", "prod", "--app", "shop", "--cache", cache,
                "--live", live.toString(), "--inventory", inventory.toString(), "--prune", "--max-deletions", "0", "-o", "json");
        assertThat(json.code()).isEqualTo(PlanCommand.REFUSED);
        assertThat(json.out()).contains("\"guard\" : \"MAX_DELETIONS\"").contains("\"refused\" : true");
        Files.createDirectories(repo.resolve("empty"));
        Run empty = run("plan", "--repo", repo.resolve("empty").toString(), "-n", "prod", "--app", "shop",
                "--live", live.toString(), "--inventory", inventory.toString(), "--prune");
        assertThat(empty.code()).isEqualTo(PlanCommand.REFUSED);
        assertThat(empty.out()).contains("REFUSED (EMPTY_RENDER)");
    }
}
