package dev.kelpie.kustomize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kelpie.core.model.Resource;
import dev.kelpie.core.source.DirectorySource;
import dev.kelpie.core.yaml.YamlCodec;
import dev.kelpie.core.yaml.YamlDocument;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The kustomize conformance corpus (cases extracted from kustomize's own tests, references made
 * with kubectl kustomize v5.5.0), one dynamic test per case, built in-process and compared
 * document by document. Cases in {@code kustomize-known-gaps.txt} must fail; one that passes
 * fails the build so the list only shrinks. Skips when the corpus is absent.
 */
class KustomizeConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Path corpus() {
        String shared = System.getProperty("kelpie.shared.dir");
        if (shared == null) {
            return null;
        }
        Path p = Path.of(shared, "conformance", "kustomize", "cases");
        return Files.isDirectory(p) ? p : null;
    }

    static Map<String, String> knownGaps() throws IOException {
        Map<String, String> gaps = new HashMap<>();
        try (InputStream in = KustomizeConformanceTest.class.getResourceAsStream("/kustomize-known-gaps.txt")) {
            if (in == null) {
                return gaps;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                int sp = l.indexOf(' ');
                gaps.put(sp < 0 ? l : l.substring(0, sp), sp < 0 ? "" : l.substring(sp + 1).strip());
            }
        }
        return gaps;
    }

    @TestFactory
    Stream<DynamicTest> corpusCases() throws IOException {
        Path cases = corpus();
        assumeTrue(cases != null, "kustomize conformance corpus not found (set kelpie.shared.dir)");
        Map<String, String> gaps = knownGaps();
        List<Path> dirs;
        try (Stream<Path> s = Files.list(cases)) {
            dirs = s.filter(Files::isDirectory).sorted().toList();
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (Path dir : dirs) {
            JsonNode meta = JSON.readTree(dir.resolve("case.json").toFile());
            if (meta.path("quarantined").asBoolean(false)) {
                continue;
            }
            String name = dir.getFileName().toString();
            tests.add(DynamicTest.dynamicTest(name, () -> {
                String failure = failure(dir, meta);
                if (gaps.containsKey(name)) {
                    assertThat(failure).as("listed as a known gap (%s) but passes: remove it from the list", gaps.get(name))
                            .isNotNull();
                } else {
                    assertThat(failure).as(name).isNull();
                }
            }));
        }
        return tests.stream();
    }

    /** Why the case fails, or null when it passes. */
    static String failure(Path dir, JsonNode meta) throws IOException {
        Kustomize.Builder b = Kustomize.builder();
        for (JsonNode f : meta.path("flags")) {
            switch (f.asText()) {
                case "--reorder=none" -> b.reorder(Reorder.NONE);
                case "--reorder=legacy" -> b.reorder(Reorder.LEGACY);
                case "--load-restrictor=LoadRestrictionsNone" -> b.loadRestrictor(LoadRestrictor.NONE);
                case "--enable-managedby-label" -> b.managedByLabel(true);
                default -> {
                    return "unknown flag " + f.asText();
                }
            }
        }
        Path input = dir.resolve("input");
        String buildDir = meta.path("build_dir").asText(".");
        // the CLI builds sequentially (with files parsed ahead), the library in parallel: both must agree
        String sequential = outcome(b.parallel(false).build(), input, buildDir);
        List<Resource> out;
        try {
            out = b.parallel(true).build().buildList(DirectorySource.of(input).tree(), buildDir);
        } catch (RuntimeException e) {
            if (!sequential.equals("error: " + e.getMessage())) {
                return "the sequential build gave " + sequential + ", the parallel one error: " + e.getMessage();
            }
            return meta.path("expect").asText().equals("error") ? null : "error: " + e;
        }
        if (!sequential.equals(YamlCodec.defaults().preservingKeyOrder().write(out))) {
            return "the sequential build differs from the parallel one: " + sequential;
        }
        if (meta.path("expect").asText().equals("error")) {
            return "expected an error, got " + out.size() + " objects";
        }
        String ref = Files.readString(dir.resolve("reference.yaml"));
        List<JsonNode> want = new ArrayList<>();
        for (YamlDocument d : YamlCodec.defaults().readDocuments("reference.yaml", ref)) {
            if (!d.tree().isNull()) {
                want.add(d.tree());
            }
        }
        // compare through the YAML text, as the runner does
        String text = YamlCodec.defaults().preservingKeyOrder().write(out);
        List<JsonNode> got = new ArrayList<>();
        for (YamlDocument d : YamlCodec.defaults().readDocuments("out.yaml", text)) {
            got.add(d.tree());
        }
        if (got.size() != want.size()) {
            return "got " + got.size() + " documents, want " + want.size();
        }
        for (int i = 0; i < got.size(); i++) {
            if (!got.get(i).equals(want.get(i))) {
                return "doc " + i + " differs: got " + got.get(i) + "\nwant " + want.get(i);
            }
        }
        return null;
    }

    private static String outcome(Kustomize k, Path input, String buildDir) {
        try {
            return YamlCodec.defaults().preservingKeyOrder().write(k.buildList(DirectorySource.of(input).tree(), buildDir));
        } catch (RuntimeException e) {
            return "error: " + e.getMessage();
        }
    }

    @org.junit.jupiter.api.Test
    void missingDirectoryIsAnError() {
        var tree = dev.kelpie.core.source.InMemoryFileTree.builder().file("a/x.yaml", "a: b").build();
        assertThatThrownBy(() -> Kustomize.defaults().build(tree, "a")).isInstanceOf(KustomizeException.class)
                .hasMessageContaining("unable to find one of 'kustomization.yaml'");
    }
}
