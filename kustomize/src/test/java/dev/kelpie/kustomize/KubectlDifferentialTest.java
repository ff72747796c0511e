package dev.kelpie.kustomize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kelpie.core.source.DirectorySource;
import dev.kelpie.core.yaml.OutputStyle;
import dev.kelpie.core.yaml.YamlCodec;
import dev.kelpie.core.yaml.YamlDocument;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real {@code kubectl kustomize} is the judge; skips when kubectl is not installed. */
class KubectlDifferentialTest {
    @TempDir
    Path dir;

    @Test
    void sameObjectsAsKubectl() throws Exception {
        String[] files = {
            "base/kustomization.yaml", "resources: [deployment.yaml, service.yaml]\nconfigMapGenerator:\n- name: settings\n"
                + "  literals: [COLOR=blue, SIZE=\"3\"]\nsecretGenerator:\n- name: creds\n  literals: [user=admin]\n",
            "base/deployment.yaml", KustomizeTest.DEPLOYMENT
                + "        volumeMounts: [{name: creds, mountPath: /creds}]\n      volumes:\n      - name: creds\n"
                + "        secret: {secretName: creds}\n",
            "base/service.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  ports: [{port: 80}]\n",
            "prod/kustomization.yaml", "namespace: prod\nnameSuffix: -v2\nresources: [../base]\nlabels:\n- pairs: {tier: web}\n"
                + "  includeSelectors: true\ncommonAnnotations: {owner: shop}\nimages: [{name: busybox, newName: alpine,"
                + " newTag: \"3.20\"}]\npatches:\n- target: {kind: Service}\n  patch: |\n    - op: add\n"
                + "      path: /spec/ports/-\n      value: {port: 443}\n",
        };
        for (int i = 0; i < files.length; i += 2) {
            Path p = dir.resolve(files[i]);
            Files.createDirectories(p.getParent());
            Files.writeString(p, files[i + 1]);
        }
        String kubectl = kubectl(dir.resolve("prod"));
        assumeTrue(kubectl != null, "kubectl not installed");
        var ours = Kustomize.defaults().buildList(DirectorySource.of(dir).tree(), "prod");
        assertThat(docs(YamlCodec.defaults().preservingKeyOrder().write(ours))).isEqualTo(docs(kubectl));
        // and, written as kustomize writes, the same text byte for byte
        assertThat(YamlCodec.defaults().withStyle(OutputStyle.KUSTOMIZE).write(ours)).isEqualTo(kubectl);
    }

    @Test
    void sameTextAsKubectlForLongValuesYaml11BooleansAndNaturalKeyOrder() throws Exception {
        String long1 = "a long annotation that goes on past the eightieth column of the line so that it must fold";
        Files.writeString(dir.resolve("kustomization.yaml"), "resources: [cm.yaml]\nconfigMapGenerator:\n- name: gen\n"
                + "  literals:\n  - ITEM10=x\n  - ITEM9=y\n  - A_FIRST=z\n  - ANOTHER=w\n");
        Files.writeString(dir.resolve("cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n"
                + "  annotations:\n    note: " + long1 + "\n    quoted: 'it''s " + long1 + "'\n"
                + "    json: '{\"a\": \"" + long1 + "\", \"b\": 1.0}'\n"
                + "data:\n  yes1: \"Y\"\n  on1: \"on\"\n  lead: \"\\nstarts with a line break\\n\"\n"
                + "  dq: \"tab\\there " + long1 + "  two spaces\"\n");
        String kubectl = kubectl(dir);
        assumeTrue(kubectl != null, "kubectl not installed");
        var ours = Kustomize.defaults().buildList(DirectorySource.of(dir).tree(), "");
        assertThat(YamlCodec.defaults().withStyle(OutputStyle.KUSTOMIZE).write(ours)).isEqualTo(kubectl);
    }

    private static List<JsonNode> docs(String text) {
        List<JsonNode> out = new ArrayList<>();
        for (YamlDocument d : YamlCodec.defaults().readDocuments("x", text)) {
            out.add(d.tree());
        }
        return out;
    }

    private static String kubectl(Path dir) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("kubectl", "kustomize", dir.toString()).redirectErrorStream(false).start();
        } catch (IOException e) {
            return null;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            return null;
        }
        return out;
    }
}
