package dev.kelpie.testkit.internal.ssa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.core.yaml.YamlCodec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the structured-merge-diff scenarios of {@code conformance/smd} against {@link FieldOwnership}:
 * one dynamic test per case and parser. Cases listed in {@code smd-known-gaps.txt} must fail
 * (a listed case that passes fails, so the list only shrinks). Skips when the corpus is absent.
 */
class SmdConformanceTest {
    private static final YamlCodec YAML = YamlCodec.defaults();

    @TestFactory
    Stream<DynamicTest> scenarios() throws IOException {
        String shared = System.getProperty("kelpie.shared.dir");
        Path dir = shared == null ? null : Path.of(shared, "conformance", "smd");
        if (dir == null || !Files.isDirectory(dir)) {
            return Stream.of(DynamicTest.dynamicTest("smd corpus absent (kelpie.shared.dir unset or missing): skipped",
                    () -> org.junit.jupiter.api.Assumptions.abort("corpus absent")));
        }
        Map<String, String> gaps = knownGaps();
        JsonNode parsers = YAML.readDocuments(dir.resolve("parsers.yaml")).get(0).tree().path("parsers");
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yaml") && !p.endsWith("parsers.yaml")).sorted().toList()) {
                JsonNode doc = YAML.readDocuments(file).get(0).tree();
                String base = file.getFileName().toString().replace(".yaml", "");
                for (JsonNode test : doc.path("tests")) {
                    for (JsonNode run : test.path("runWith")) {
                        for (JsonNode c : test.path("cases")) {
                            String name = base + "/" + test.path("goFunction").asText() + "/" + c.path("name").asText()
                                    + "/" + run.path("method").asText() + ":" + run.path("parser").asText(run.path("parser").toString());
                            tests.add(DynamicTest.dynamicTest(name, () -> runChecked(name, gaps, parsers, run, c)));
                        }
                    }
                }
            }
        }
        return tests.stream();
    }

    private static Map<String, String> knownGaps() throws IOException {
        Map<String, String> gaps = new HashMap<>();
        try (InputStream in = SmdConformanceTest.class.getResourceAsStream("/smd-known-gaps.txt")) {
            if (in == null) {
                return gaps;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int sep = line.indexOf(" -- ");
                gaps.put(sep < 0 ? line : line.substring(0, sep), sep < 0 ? "" : line.substring(sep + 4));
            }
        }
        return gaps;
    }

    private static void runChecked(String name, Map<String, String> gaps, JsonNode parsers, JsonNode run, JsonNode c) {
        Throwable failure = null;
        try {
            run(parsers, run, c);
        } catch (AssertionError | RuntimeException e) {
            failure = e;
        }
        String dump = System.getProperty("smd.dump");
        if (dump != null && failure != null) {
            try {
                Files.writeString(Path.of(dump), name + " :: " + String.valueOf(failure.getMessage()).replace('\n', ' ') + "\n",
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        if (gaps.containsKey(name)) {
            if (failure == null) {
                fail("listed as a known gap (" + gaps.get(name) + ") but passes now: remove it from smd-known-gaps.txt");
            }
            org.junit.jupiter.api.Assumptions.abort("known gap: " + gaps.get(name));
        } else if (failure instanceof AssertionError ae) {
            throw ae;
        } else if (failure != null) {
            throw new AssertionError(failure.toString(), failure);
        }
    }

    private static void run(JsonNode parsers, JsonNode run, JsonNode c) {
        if (c.has("unsupported")) {
            throw new IllegalStateException("unsupported scenario: " + c.get("unsupported").asText());
        }
        if (!run.path("method").asText().equals("Test")) {
            throw new IllegalStateException("needs version conversion (" + run.path("converter") + ")");
        }
        FieldSet ignored = new FieldSet();
        c.path("ignoreFilter").fields().forEachRemaining(e -> {
            if (!e.getKey().startsWith("$")) {
                if (!e.getValue().path("$call").asText().equals("fieldpath.NewExcludeSetFilter")) {
                    throw new IllegalStateException("unsupported filter " + e.getValue().path("$call"));
                }
                e.getValue().path("args").forEach(a -> a.path("set").forEach(p -> ignored.insert(pathOf(p))));
            }
        });
        c.path("ignoredFields").fields().forEachRemaining(e -> {
            if (!e.getKey().startsWith("$")) {
                e.getValue().path("set").forEach(p -> ignored.insert(pathOf(p)));
            }
        });
        FieldOwnership ownership = new FieldOwnership(shapeOf(parsers, run.path("parser").asText()), ignored);
        JsonNode live = null;
        Map<String, ManagedSet> managers = new LinkedHashMap<>();
        int step = 0;
        for (JsonNode op : c.path("ops")) {
            step++;
            String kind = op.path("op").asText();
            String manager = op.path("manager").asText();
            String version = op.path("apiVersion").asText("");
            JsonNode obj = dataOf(op.path("object"));
            List<Map.Entry<String, List<PathElement>>> expectedConflicts = conflictsOf(op.path("conflicts"));
            try {
                FieldOwnership.Outcome out = switch (kind) {
                    case "Apply" -> ownership.apply(live, obj, version, managers, manager, false);
                    case "ForceApply" -> ownership.apply(live, obj, version, managers, manager, true);
                    case "Update" -> ownership.update(live, obj, version, managers, manager);
                    case "ExtractApply" -> {
                        ManagedSet mine = managers.get(manager);
                        JsonNode extracted = mine == null || live == null ? JsonNodeFactory.instance.objectNode()
                                : TypedOps.extractItems(ownership.shape(), live, mine.set());
                        yield ownership.apply(live, TypedOps.merge(ownership.shape(), extracted, obj), version, managers, manager, false);
                    }
                    default -> throw new IllegalStateException("unsupported op " + kind);
                };
                if (!expectedConflicts.isEmpty()) {
                    fail("op " + step + " (" + kind + "): expected conflicts " + expectedConflicts + " but the apply succeeded");
                }
                live = out.object();
                managers = out.managers();
            } catch (ApplyConflictException e) {
                List<String> got = new ArrayList<>();
                e.conflicts().forEach((m, set) -> set.paths().forEach(p -> got.add(m + " " + p)));
                List<String> want = new ArrayList<>();
                expectedConflicts.forEach(en -> want.add(en.getKey() + " " + en.getValue()));
                assertThat(new TreeSet<>(got)).as("op %d conflicts", step).isEqualTo(new TreeSet<>(want));
            }
        }
        if (c.has("object") && !c.path("object").isNull()) {
            JsonNode want = dataOf(c.path("object"));
            JsonNode got = live == null ? JsonNodeFactory.instance.objectNode() : live;
            if (!JsonValues.same(JsonValues.canonical(sorted(want)), JsonValues.canonical(sorted(got)))) {
                fail("object: expected " + want + " but got " + got);
            }
        }
        if (c.has("managed") && !c.path("managed").isNull()) {
            Map<String, String> want = new TreeMap<>();
            c.path("managed").fields().forEachRemaining(e -> {
                if (e.getKey().startsWith("$")) {
                    return;
                }
                FieldSet s = new FieldSet();
                e.getValue().path("fields").forEach(p -> s.insert(pathOf(p)));
                want.put(e.getKey(), e.getValue().path("apiVersion").asText("") + " " + s);
            });
            Map<String, String> got = new TreeMap<>();
            managers.forEach((m, ms) -> got.put(m, ms.apiVersion() + " " + ms.set()));
            assertThat(got).as("managed fields").isEqualTo(want);
        }
    }

    private static JsonNode sorted(JsonNode n) {
        if (n.isObject()) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            new TreeSet<String>(iterable(n)).forEach(k -> o.set(k, sorted(n.get(k))));
            return o;
        }
        return n;
    }

    private static List<String> iterable(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static JsonNode dataOf(JsonNode object) {
        JsonNode d = object.path("data");
        return d.isMissingNode() || d.isNull() ? JsonNodeFactory.instance.objectNode() : d;
    }

    private static List<Map.Entry<String, List<PathElement>>> conflictsOf(JsonNode conflicts) {
        List<Map.Entry<String, List<PathElement>>> out = new ArrayList<>();
        for (JsonNode c : conflicts) {
            out.add(Map.entry(c.path("manager").asText(), pathOf(c.path("path"))));
        }
        return out;
    }

    static List<PathElement> pathOf(JsonNode p) {
        List<PathElement> path = new ArrayList<>();
        for (JsonNode e : p) {
            if (e.has("field")) {
                path.add(new PathElement.Field(e.get("field").asText()));
            } else if (e.has("key")) {
                Map<String, JsonNode> k = new TreeMap<>();
                e.get("key").fields().forEachRemaining(en -> k.put(en.getKey(), en.getValue()));
                path.add(new PathElement.Key(k));
            } else if (e.has("value")) {
                path.add(new PathElement.Value(e.get("value")));
            } else if (e.has("index")) {
                path.add(new PathElement.Index(e.get("index").asInt()));
            } else {
                throw new IllegalStateException("unsupported path element " + e);
            }
        }
        return path;
    }

    private static Shape shapeOf(JsonNode parsers, String name) {
        JsonNode p = parsers.path(name);
        if (p.isMissingNode()) {
            throw new IllegalStateException("unknown parser " + name);
        }
        if (p.path("kind").asText().equals("deduced")) {
            return DeducedShape.INSTANCE;
        }
        SmdSchema schema = SmdSchema.parse(p.path("schema"));
        String root = p.path("rootType").asText("");
        return schema.shape(root.isEmpty() || root.equals("null") ? "v1" : root);
    }
}
