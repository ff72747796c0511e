package dev.kelpie.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelpie.core.yaml.YamlCodec;
import dev.kelpie.core.yaml.YamlDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

class FmtCommandTest {
    @TempDir
    Path dir;

    @Test
    void printsNormalisedYamlWithSortedKeys() throws IOException {
        Path f = dir.resolve("cm.yaml");
        Files.writeString(f, "kind: ConfigMap\napiVersion: v1\nmetadata: {name: cm}\ndata: {enabled: 'true'}\n");
        CliRun run = CliRun.of("fmt", f.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("apiVersion: v1\ndata:\n  enabled: \"true\"\nkind: ConfigMap\nmetadata:\n  name: cm\n");
    }

    @Test
    void printsJsonWhenAsked() throws IOException {
        Path f = dir.resolve("cm.yaml");
        Files.writeString(f, "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm}\n");
        CliRun run = CliRun.of("fmt", "-o", "json", f.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("\"kind\" : \"ConfigMap\"");
    }

    @Test
    void refusesDuplicateKeysNamingLineAndColumn() throws IOException {
        Path f = dir.resolve("dup.yaml");
        Files.writeString(f, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n");
        CliRun run = CliRun.of("fmt", f.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("dup.yaml:5:3").contains("duplicate key \"name\"");
    }

    @Test
    void refusesABillionLaughsDocument() throws IOException {
        StringBuilder b = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 9; i++) {
            b.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                b.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            b.append("]\n");
        }
        Path f = dir.resolve("lol.yaml");
        Files.writeString(f, b.toString());
        CliRun run = CliRun.of("fmt", f.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("lol.yaml:").contains("alias");
    }

    @Test
    void refusesMissingFieldsAndDuplicateObjects() throws IOException {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, "apiVersion: v1\nkind: ConfigMap\nmetadata: {}\n");
        assertThat(CliRun.of("fmt", f.toString()).err()).contains("metadata.name");
        Path g = dir.resolve("twice.yaml");
        Files.writeString(g, "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n");
        CliRun run = CliRun.of("fmt", g.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("duplicate object ConfigMap/a");
        assertThat(CliRun.of("fmt", dir.resolve("missing.yaml").toString()).err()).contains("missing.yaml: no such file");
    }

    @TestFactory
    Stream<DynamicTest> printsEveryCorpusReferenceBackAsTheSameObjects() throws IOException {
        Path cases = Path.of(System.getProperty("kelpie.shared.dir", "../../shared"), "conformance", "kustomize", "cases");
        Assumptions.assumeTrue(Files.isDirectory(cases), "shared corpus not found; skipping");
        List<Path> refs;
        try (Stream<Path> s = Files.walk(cases, 2)) {
            refs = s.filter(p -> p.getFileName().toString().equals("reference.yaml")).sorted().toList();
        }
        YamlCodec yaml = YamlCodec.defaults();
        return refs.stream().map(ref -> DynamicTest.dynamicTest(ref.getParent().getFileName().toString(), () -> {
            CliRun run = CliRun.of("fmt", ref.toString());
            List<YamlDocument> expected = yaml.readDocuments(ref);
            boolean duplicateIds = run.exitCode() == 1 && run.err().contains("duplicate object");
            if (duplicateIds) {
                return; // kustomize allows one object in two apiVersions; fmt refuses duplicates by design
            }
            boolean incomplete = expected.stream().anyMatch(d -> !d.tree().path("apiVersion").isTextual()
                    || !d.tree().path("kind").isTextual() || !d.tree().path("metadata").path("name").isTextual());
            if (incomplete) {
                assertThat(run.exitCode()).isEqualTo(1); // fmt checks what kustomize lets through
                assertThat(run.err()).containsAnyOf("apiVersion", "kind", "metadata");
                return;
            }
            assertThat(run.exitCode()).as(run.err()).isZero();
            List<YamlDocument> printed = yaml.readDocuments("out", run.out());
            assertThat(printed).hasSameSizeAs(expected);
            for (int i = 0; i < printed.size(); i++) {
                assertThat(printed.get(i).tree()).isEqualTo(expected.get(i).tree());
            }
        }));
    }
}
