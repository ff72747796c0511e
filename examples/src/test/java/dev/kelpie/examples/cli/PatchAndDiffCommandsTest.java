package dev.kelpie.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PatchAndDiffCommandsTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return KelpieCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private String file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p.toString();
    }

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: shop}
            spec:
              replicas: 2
              template:
                spec:
                  containers:
                  - {name: app, image: "a:1", env: [{name: A, value: "1"}, {name: B, value: "2"}]}
            """;

    @Test
    void strategicPatchPrintsTheObjectAsKubectlDoes() throws IOException {
        String f = file("d.yaml", DEPLOYMENT);
        int code = run("patch", "--local", "-f", f, "-p",
                "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"app\",\"env\":[{\"name\":\"B\",\"$patch\":\"delete\"}]}]}}}}",
                "-o", "json");
        assertThat(code).isZero();
        assertThat(out.toString()).startsWith("{\n    \"apiVersion\": \"apps/v1\",\n")
                .contains("\"name\": \"A\"").doesNotContain("\"name\": \"B\"");
    }

    @Test
    void reportsNoChangeLikeKubectl() throws IOException {
        String f = file("d.yaml", DEPLOYMENT);
        assertThat(run("patch", "--local", "-f", f, "-p", "{\"spec\":{\"replicas\":2}}")).isZero();
        assertThat(out.toString()).isEqualTo("deployment.apps/web patched (no change)\n");
    }

    @Test
    void failuresExitWithOneAndAMessage() throws IOException {
        String f = file("d.yaml", DEPLOYMENT);
        assertThat(run("patch", "--local", "-f", f, "--type", "json", "-p", "[{\"op\":\"remove\",\"path\":\"/spec/nope\"}]"))
                .isEqualTo(1);
        assertThat(err.toString()).contains("/spec/nope").contains("path does not exist");
        String cr = file("cr.yaml", "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n");
        assertThat(run("patch", "--local", "-f", cr, "-p", "{\"spec\":{}}")).isEqualTo(1);
        assertThat(err.toString()).contains("try --type merge");
    }

    @Test
    void diffExitsZeroWhenInSyncAndOneWithAUnifiedDiff() throws IOException {
        String desired = file("desired.yaml", DEPLOYMENT);
        String live = file("live.yaml", DEPLOYMENT.replace("replicas: 2", "replicas: 2\n  revisionHistoryLimit: 10")
                + "status: {replicas: 2}\n");
        assertThat(run("diff", "--desired", desired, "--live", live)).isZero();
        assertThat(out.toString()).isEmpty();
        String changed = file("changed.yaml", DEPLOYMENT.replace("a:1", "a:2"));
        assertThat(run("diff", "--desired", changed, "--live", live)).isEqualTo(1);
        assertThat(out.toString()).contains("--- live/apps.v1.Deployment.shop.web").contains("-        image: a:1")
                .contains("+        image: a:2");
    }

    @Test
    void diffHonoursIgnoreRulesAndExitsTwoOnErrors() throws IOException {
        String desired = file("desired.yaml", DEPLOYMENT);
        String live = file("live.yaml", DEPLOYMENT.replace("replicas: 2", "replicas: 5"));
        String rules = file("ignore.yaml", "- group: apps\n  kind: Deployment\n  jsonPointers: [/spec/replicas]\n");
        assertThat(run("diff", "--desired", desired, "--live", live, "--ignore", rules)).isZero();
        assertThat(run("diff", "--desired", desired, "--live", dir.resolve("missing.yaml").toString())).isEqualTo(2);
        String bad = file("bad.yaml", "- kind: Deployment\n  jqPathExpressions: ['.spec[']\n");
        assertThat(run("diff", "--desired", desired, "--live", live, "--ignore", bad)).isEqualTo(2);
        assertThat(err.toString()).contains("jqPathExpressions");
    }
}
