package dev.kelpie.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PatchMetadataTest {
    private final PatchMetadata metadata = PatchMetadata.builtIn();

    @Test
    void knowsBuiltInKindsOnly() {
        assertThat(metadata.kubernetesVersion()).isEqualTo("1.33");
        assertThat(metadata.kinds()).contains("apps/v1/Deployment", "core/v1/Pod", "batch/v1/CronJob");
        assertThat(metadata.schemaFor("apps/v1", "Deployment")).isPresent();
        assertThat(metadata.schemaFor("v1", "Service")).isPresent();
        assertThat(metadata.schemaFor("example.com/v1", "Widget")).isEmpty();
    }

    @Test
    void looksUpFieldsByPath() {
        assertThat(metadata.field("apps", "v1", "Deployment", "spec.template.spec.containers[].env"))
                .contains(new FieldPatchMetadata(List.of("merge"), "name", "map", List.of("name"), ""));
        assertThat(metadata.field("apps", "v1", "Deployment", "spec.template.spec.containers[].ports"))
                .contains(new FieldPatchMetadata(List.of("merge"), "containerPort", "map",
                        List.of("containerPort", "protocol"), ""));
        assertThat(metadata.field("apps", "v1", "Deployment", "spec.strategy"))
                .contains(new FieldPatchMetadata(List.of("retainKeys"), "", "", List.of(), ""));
        assertThat(metadata.field("", "v1", "Pod", "spec.tolerations"))
                .contains(new FieldPatchMetadata(List.of(), "", "atomic", List.of(), ""));
        assertThat(metadata.field("", "v1", "Pod", "spec.nodeSelector"))
                .contains(new FieldPatchMetadata(List.of(), "", "", List.of(), "atomic"));
        assertThat(metadata.field("", "v1", "Pod", "spec.nope")).isEmpty();
    }

    @Test
    void listsTheFieldsOfAKind() {
        var fields = metadata.fields("apps", "v1", "Deployment");
        assertThat(fields).containsEntry("spec.template.spec.containers[].env",
                new FieldPatchMetadata(List.of("merge"), "name", "map", List.of("name"), ""));
        assertThat(fields).containsEntry("spec.strategy", new FieldPatchMetadata(List.of("retainKeys"), "", "", List.of(), ""));
        assertThat(fields).doesNotContainKey("spec.replicas");
        fields.forEach((path, m) -> assertThat(metadata.field("apps", "v1", "Deployment", path)).contains(m));
        assertThat(metadata.fields("example.com", "v1", "Widget")).isEmpty();
        // JSONSchemaProps contains itself: each path enters it once
        assertThat(metadata.fields("apiextensions.k8s.io", "v1", "CustomResourceDefinition").keySet())
                .allMatch(p -> p.split("openAPIV3Schema", -1).length <= 2);
    }

    /** The shared corpus derives the same table from the same spec with its own tool. */
    @Test
    void agreesWithTheSharedPathTable() {
        Optional<Path> file = Corpus.shared("openapi/patch-metadata-paths.json");
        assumeTrue(file.isPresent(), "shared openapi/patch-metadata-paths.json not found under kelpie.shared.dir");
        JsonNode shared = Corpus.readJson(file.get()).path("kinds");
        assertThat(metadata.kinds()).containsExactlyInAnyOrderElementsOf(() -> shared.fieldNames());
        for (String gvk : metadata.kinds()) {
            String[] g = gvk.split("/");
            Map<String, FieldPatchMetadata> expected = new TreeMap<>();
            shared.path(gvk).path("paths").fields().forEachRemaining(e -> {
                JsonNode m = e.getValue();
                List<String> keys = new ArrayList<>();
                m.path("listMapKeys").forEach(k -> keys.add(k.asText()));
                String strategy = m.path("patchStrategy").asText("");
                expected.put(e.getKey(), new FieldPatchMetadata(strategy.isEmpty() ? List.of() : List.of(strategy.split(",")),
                        m.path("patchMergeKey").asText(""), m.path("listType").asText(""), keys, m.path("mapType").asText("")));
            });
            assertThat(metadata.fields("core".equals(g[0]) ? "" : g[0], g[1], g[2])).as(gvk).isEqualTo(expected);
        }
    }
}
