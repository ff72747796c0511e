package dev.kelpie.diff;

import static dev.kelpie.diff.JsonAssert.assertJsonEquals;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.diff.internal.json.JsonValues;
import dev.kelpie.diff.internal.patch.MergePatchEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The {@code conformance/mergepatch} and {@code conformance/jsonpatch} corpora. */
class PatchCorporaConformanceTest {
    private static final Map<String, String> GAPS = Corpus.knownGaps("/dev/kelpie/diff/patch-corpora-known-gaps.txt");

    private static JsonNode orEmpty(JsonNode c, String field) {
        JsonNode v = c.get(field);
        return v == null ? JsonValues.NODES.objectNode() : v;
    }

    @TestFactory
    Stream<DynamicTest> mergePatch() {
        var dir = Corpus.shared("conformance/mergepatch");
        if (dir.isEmpty()) {
            return Corpus.skipped("mergepatch");
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : Corpus.readYaml(dir.get().resolve("rfc7386-examples.yaml")).path("cases")) {
            String id = c.path("id").asText();
            tests.add(DynamicTest.dynamicTest(id, Corpus.withGaps(GAPS, id, () -> assertJsonEquals("merged",
                    JsonMergePatch.apply(c.get("target"), c.get("patch")), c.get("result")))));
        }
        for (JsonNode c : Corpus.readYaml(dir.get().resolve("apimachinery-threeway.yaml")).path("cases")) {
            String id = c.path("id").asText();
            tests.add(DynamicTest.dynamicTest(id, Corpus.withGaps(GAPS, id, () -> {
                ObjectNode patch = JsonMergePatch.createThreeWay(orEmpty(c, "original"), orEmpty(c, "modified"),
                        orEmpty(c, "current"));
                assertJsonEquals("three-way patch", patch, orEmpty(c, "threeWay"));
                assertJsonEquals("result", JsonMergePatch.apply(orEmpty(c, "current"), patch), orEmpty(c, "result"));
            })));
        }
        for (JsonNode c : Corpus.readYaml(dir.get().resolve("apimachinery-filter-null.yaml")).path("cases")) {
            String id = c.path("id").asText();
            tests.add(DynamicTest.dynamicTest(id, Corpus.withGaps(GAPS, id, () -> {
                ObjectNode in = (ObjectNode) orEmpty(c, "originalObj");
                assertJsonEquals("with null", MergePatchEngine.keepOrDeleteNull(in, true), orEmpty(c, "expectedWithNull"));
                assertJsonEquals("without null", MergePatchEngine.keepOrDeleteNull(in, false),
                        orEmpty(c, "expectedWithoutNull"));
            })));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> jsonPatch() {
        var dir = Corpus.shared("conformance/jsonpatch");
        if (dir.isEmpty()) {
            return Corpus.skipped("jsonpatch");
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (String file : List.of("tests.json", "spec_tests.json")) {
            Path f = dir.get().resolve(file);
            int i = 0;
            for (JsonNode c : Corpus.readJson(f)) {
                i++;
                if (c.path("disabled").asBoolean(false)) {
                    continue;
                }
                String id = "jsonpatch/" + file.replace(".json", "") + "/" + i;
                String name = id + (c.has("comment") ? " " + c.get("comment").asText() : "");
                tests.add(DynamicTest.dynamicTest(name, Corpus.withGaps(GAPS, id, () -> {
                    if (c.has("error")) {
                        assertThatThrownBy(() -> JsonPatch.apply(c.get("doc"), c.get("patch")))
                                .isInstanceOf(DiffException.class);
                    } else {
                        JsonNode out = JsonPatch.apply(c.get("doc"), c.get("patch"));
                        if (c.has("expected")) {
                            assertJsonEquals("patched", out, c.get("expected"));
                        }
                    }
                })));
            }
        }
        return tests.stream();
    }
}
