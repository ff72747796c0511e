package dev.kelpie.kustomize.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.kelpie.diff.FieldPatchMetadata;
import dev.kelpie.diff.PatchMetadata;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code merge-keys.tsv} is derived from the diff module's patch metadata, the one copy of the
 * Kubernetes OpenAPI patch extensions in this project. It exists because it loads in a few
 * milliseconds where {@link PatchMetadata#builtIn()} costs a few hundred in a cold JVM (Jackson
 * data binding and the schema model), and {@code kelpie kustomize build} is measured cold.
 *
 * <p>This test is also the generator: when the table is stale it writes the expected one to
 * {@code target/merge-keys.tsv} and fails; copy that file over the resource.
 */
class MergeKeysTest {
    private static final String RESOURCE = "src/main/resources/dev/kelpie/kustomize/internal/merge-keys.tsv";

    /**
     * The table kyaml's merge2 reads: a list merges element by element when its patch strategy
     * includes {@code merge}, by {@code x-kubernetes-list-map-keys} when present, else by
     * {@code x-kubernetes-patch-merge-key} (kyaml's {@code PatchStrategyAndKeyList}); no key
     * means a list of scalars merged as a set. This is where kustomize deliberately differs from
     * apimachinery's strategic merge ({@code dev.kelpie.diff.StrategicMerge}), which reads the
     * merge key only: container {@code ports} merge on {@code containerPort} and
     * {@code protocol} here, on {@code containerPort} there.
     */
    static String expectedTable(PatchMetadata metadata) {
        StringBuilder out = new StringBuilder("# derived from dev.kelpie.diff.PatchMetadata (Kubernetes "
                + metadata.kubernetesVersion() + " OpenAPI spec, Apache-2.0) by MergeKeysTest; do not edit\n");
        for (String gvk : metadata.kinds().stream().sorted().toList()) {
            String[] g = gvk.split("/");
            Map<String, FieldPatchMetadata> fields = metadata.fields("core".equals(g[0]) ? "" : g[0], g[1], g[2]);
            fields.forEach((path, m) -> {
                if (m.patchStrategies().contains("merge")) {
                    List<String> keys = !m.listMapKeys().isEmpty() ? m.listMapKeys()
                            : m.patchMergeKey().isEmpty() ? List.of() : List.of(m.patchMergeKey());
                    out.append(gvk).append('\t').append(path).append('\t').append(String.join(",", keys)).append('\n');
                }
            });
        }
        return out.toString();
    }

    @Test
    void tableIsDerivedFromTheDiffModulesPatchMetadata() throws IOException {
        String expected = expectedTable(PatchMetadata.builtIn());
        String actual;
        try (InputStream in = MergeKeys.class.getResourceAsStream("merge-keys.tsv")) {
            actual = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!actual.equals(expected)) {
            Path regenerated = Path.of("target", "merge-keys.tsv");
            Files.createDirectories(regenerated.getParent());
            Files.writeString(regenerated, expected);
            fail("merge-keys.tsv differs from the diff module's patch metadata; copy " + regenerated.toAbsolutePath()
                    + " to " + RESOURCE);
        }
    }

    @Test
    void everyKindAndListPathAgreesWithTheDiffModule() {
        PatchMetadata metadata = PatchMetadata.builtIn();
        int lists = 0;
        for (String gvk : metadata.kinds()) {
            String[] g = gvk.split("/");
            String group = "core".equals(g[0]) ? "" : g[0];
            Map<String, List<String>> found = MergeKeys.builtIn().forKind(group, g[1], g[2]);
            Map<String, List<String>> table = found == null ? Map.of() : found;
            for (Map.Entry<String, FieldPatchMetadata> e : metadata.fields(group, g[1], g[2]).entrySet()) {
                FieldPatchMetadata m = e.getValue();
                if (!m.patchStrategies().contains("merge")) {
                    assertThat(table).as(gvk + " " + e.getKey()).doesNotContainKey(e.getKey());
                    continue;
                }
                List<String> keys = table.get(e.getKey());
                assertThat(keys).as(gvk + " " + e.getKey()).isNotNull();
                if (!m.patchMergeKey().isEmpty()) {
                    assertThat(keys).as(gvk + " " + e.getKey()).contains(m.patchMergeKey());
                }
                if (!m.listMapKeys().isEmpty()) {
                    assertThat(keys).as(gvk + " " + e.getKey()).isEqualTo(m.listMapKeys());
                }
                lists++;
            }
            assertThat(table.keySet()).as(gvk).allMatch(p -> metadata.field(group, g[1], g[2], p)
                    .map(f -> f.patchStrategies().contains("merge")).orElse(false));
        }
        assertThat(lists).isGreaterThan(400);
    }
}
