package dev.kelpie.diff;

import static dev.kelpie.diff.JsonAssert.assertJsonEquals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.diff.internal.json.JsonValues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The apimachinery strategic merge patch tables and the kubectl-recorded cases of
 * {@code conformance/strategicpatch}: one dynamic test per case.
 */
class StrategicMergeConformanceTest {
    private static final Map<String, String> GAPS = Corpus.knownGaps("/dev/kelpie/diff/strategicpatch-known-gaps.txt");

    @TestFactory
    Stream<DynamicTest> apimachineryTables() throws IOException {
        var dir = Corpus.shared("conformance/strategicpatch/apimachinery");
        if (dir.isEmpty()) {
            return Corpus.skipped("strategicpatch/apimachinery");
        }
        Path schemaDir = dir.get().resolveSibling("schema");
        PatchSchema mergeItem = PatchSchema.fromOpenApi(Corpus.readJson(schemaDir.resolve("swagger-merge-item.json")), "mergeItem");
        PatchSchema precisionItem = PatchSchema.fromOpenApi(
                Corpus.readJson(schemaDir.resolve("swagger-precision-item.json")), "precisionItem");
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir.get())) {
            for (Path f : files.sorted().toList()) {
                JsonNode table = Corpus.readYaml(f);
                String kind = table.path("tableKind").asText();
                for (JsonNode c : table.path("cases")) {
                    String id = c.path("id").asText();
                    tests.add(DynamicTest.dynamicTest(id, Corpus.withGaps(GAPS, id, () -> {
                        switch (kind) {
                            case "create", "apply-only" -> runCreateOrApply(c, kind, mergeItem);
                            case "unknown-field" -> runUnknownField(c, mergeItem);
                            case "number-conversion" -> runNumberConversion(c, precisionItem);
                            case "sort" -> runSort(c, mergeItem);
                            default -> throw new AssertionError("unknown table kind " + kind);
                        }
                    })));
                }
            }
        }
        return tests.stream();
    }

    private static JsonNode field(JsonNode c, String name) {
        JsonNode v = c.get(name);
        return v == null ? JsonValues.NODES.objectNode() : v;
    }

    private static void runCreateOrApply(JsonNode c, String kind, PatchSchema schema) {
        JsonNode original = field(c, "original");
        JsonNode modified = field(c, "modified");
        JsonNode current = field(c, "current");
        JsonNode expectedTwoWayResult = c.has("twoWayResult") ? c.get("twoWayResult") : modified;
        JsonNode p = c.get("twoWay");
        JsonNode q = null;
        for (JsonNode opNode : c.path("operations")) {
            String op = opNode.asText();
            switch (op) {
                case "twoWayCreate" -> {
                    p = StrategicMerge.createTwoWay(original, modified, schema);
                    assertJsonEquals("two-way patch", p, field(c, "twoWay"));
                }
                case "twoWayApply" -> {
                    JsonNode patch = "create".equals(kind) ? p : field(c, "twoWay");
                    if (c.has("expectedError")) {
                        assertThatThrownBy(() -> StrategicMerge.apply(original, patch, schema))
                                .isInstanceOf(DiffException.class)
                                .hasMessageContaining(c.get("expectedError").asText());
                    } else {
                        assertJsonEquals("two-way result", StrategicMerge.apply(original, patch, schema), expectedTwoWayResult);
                    }
                }
                case "threeWayCreate" -> {
                    if (c.path("expectConflict").asBoolean(false)) {
                        assertThatThrownBy(() -> StrategicMerge.createThreeWay(original, modified, current, schema, false))
                                .isInstanceOf(PatchConflictException.class);
                        q = StrategicMerge.createThreeWay(original, modified, current, schema, true);
                    } else {
                        q = StrategicMerge.createThreeWay(original, modified, current, schema, false);
                    }
                    assertJsonEquals("three-way patch", q, field(c, "threeWay"));
                }
                case "threeWayApply" -> {
                    JsonNode patch = q != null ? q : field(c, "threeWay");
                    assertJsonEquals("three-way result", StrategicMerge.apply(current, patch, schema), field(c, "result"));
                }
                default -> throw new AssertionError("unknown operation " + op);
            }
        }
    }

    private static void runUnknownField(JsonNode c, PatchSchema schema) {
        JsonNode original = field(c, "original");
        JsonNode modified = field(c, "modified");
        JsonNode current = field(c, "current");
        boolean either = c.path("errorOrResult").asBoolean(false);
        if (c.has("twoWayError") && !either) {
            assertThatThrownBy(() -> StrategicMerge.createTwoWay(original, modified, schema))
                    .isInstanceOf(DiffException.class).hasMessageContaining(c.get("twoWayError").asText());
        } else {
            ObjectNode p = StrategicMerge.createTwoWay(original, modified, schema);
            assertJsonEquals("two-way patch", p, field(c, "twoWay"));
            assertJsonEquals("two-way result", StrategicMerge.apply(original, p, schema), field(c, "twoWayResult"));
        }
        if (c.has("threeWayError") && !either) {
            assertThatThrownBy(() -> StrategicMerge.createThreeWay(original, modified, current, schema, false))
                    .isInstanceOf(DiffException.class).hasMessageContaining(c.get("threeWayError").asText());
        } else {
            ObjectNode q = StrategicMerge.createThreeWay(original, modified, current, schema, false);
            assertJsonEquals("three-way patch", q, field(c, "threeWay"));
            assertJsonEquals("three-way result", StrategicMerge.apply(current, q, schema), field(c, "result"));
        }
    }

    private static void runNumberConversion(JsonNode c, PatchSchema schema) {
        JsonNode original = Corpus.json(c.get("original").asText());
        JsonNode modified = Corpus.json(c.get("modified").asText());
        ObjectNode p = StrategicMerge.createTwoWay(original, modified, schema);
        assertThat(KubectlJson.compact(p)).isEqualTo(c.get("twoWay").asText());
        assertThat(KubectlJson.compact(StrategicMerge.apply(original, p, schema))).isEqualTo(c.get("twoWayResult").asText());
    }

    private static void runSort(JsonNode c, PatchSchema schema) {
        assertJsonEquals("sorted", MergeListSorting.sort(c.get("original"), schema), c.get("sorted"));
    }

    @TestFactory
    Stream<DynamicTest> kubectlCases() throws IOException {
        var dir = Corpus.shared("conformance/strategicpatch/kubectl-cases");
        if (dir.isEmpty()) {
            return Corpus.skipped("strategicpatch/kubectl-cases");
        }
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir.get())) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                JsonNode c = Corpus.readYaml(f);
                String id = "kubectl/" + c.path("name").asText();
                tests.add(DynamicTest.dynamicTest(id, Corpus.withGaps(GAPS, id, () -> runKubectlCase(c))));
            }
        }
        return tests.stream();
    }

    private static void runKubectlCase(JsonNode c) {
        String type = c.path("patchType").asText();
        String[] parts = c.path("kind").asText().split("/");
        String[] gvk = parts.length == 2 ? new String[] {"", parts[0], parts[1]} : parts;
        JsonNode original = c.get("original");
        JsonNode patch = c.get("patch");
        java.util.function.Supplier<JsonNode> apply = () -> switch (type) {
            case "strategic" -> StrategicMerge.apply(original, patch,
                    PatchMetadata.builtIn().schemaFor("core".equals(gvk[0]) ? "" : gvk[0], gvk[1], gvk[2]).orElseThrow());
            case "merge" -> JsonMergePatch.applyLikeKubectl(original, patch);
            case "json" -> JsonPatch.applyLikeKubectl(original, patch);
            default -> throw new AssertionError("unknown patch type " + type);
        };
        if (c.has("expectedError")) {
            assertThatThrownBy(apply::get).isInstanceOf(DiffException.class);
        } else {
            assertJsonEquals("patched", apply.get(), c.get("expected"));
        }
    }
}
