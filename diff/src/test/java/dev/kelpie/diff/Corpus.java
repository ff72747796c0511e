package dev.kelpie.diff;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.diff.internal.json.JsonValues;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.Executable;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** Test access to the shared corpora ({@code kelpie.shared.dir}) and YAML/JSON loading. */
final class Corpus {
    static final ObjectMapper JSON = JsonMapper.builder()
            .nodeFactory(JsonValues.NODES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();

    private Corpus() {
    }

    /** The shared folder, or empty when the property is unset or the folder is missing. */
    static Optional<Path> shared(String sub) {
        String dir = System.getProperty("kelpie.shared.dir");
        if (dir == null || dir.isBlank()) {
            return Optional.empty();
        }
        Path p = Path.of(dir).resolve(sub);
        return Files.exists(p) ? Optional.of(p) : Optional.empty();
    }

    /** A single dynamic test that reports the corpus as skipped. */
    static Stream<DynamicTest> skipped(String what) {
        return Stream.of(DynamicTest.dynamicTest(what + " (corpus absent: skipped)", () ->
                org.junit.jupiter.api.Assumptions.abort("corpus " + what + " not found under kelpie.shared.dir")));
    }

    static JsonNode readYaml(Path file) {
        try {
            return yaml(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode yaml(String text) {
        Object o = new Load(LoadSettings.builder().setCodePointLimit(64 * 1024 * 1024).build()).loadFromString(text);
        return toNode(o);
    }

    static JsonNode readJson(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static JsonNode toNode(Object o) {
        if (o == null) {
            return JsonValues.NODES.nullNode();
        }
        if (o instanceof Map<?, ?> m) {
            ObjectNode n = JsonValues.NODES.objectNode();
            m.forEach((k, v) -> n.set(String.valueOf(k), toNode(v)));
            return n;
        }
        if (o instanceof List<?> l) {
            ArrayNode a = JsonValues.NODES.arrayNode();
            l.forEach(v -> a.add(toNode(v)));
            return a;
        }
        if (o instanceof String s) {
            return JsonValues.NODES.textNode(s);
        }
        if (o instanceof Boolean b) {
            return JsonValues.NODES.booleanNode(b);
        }
        if (o instanceof Integer i) {
            return JsonValues.NODES.numberNode(i);
        }
        if (o instanceof Long l) {
            return JsonValues.NODES.numberNode(l);
        }
        if (o instanceof BigInteger b) {
            return JsonValues.NODES.numberNode(b);
        }
        if (o instanceof Double d) {
            return JsonValues.NODES.numberNode(new BigDecimal(Double.toString(d)));
        }
        return JsonValues.NODES.textNode(String.valueOf(o));
    }

    /** Known gaps: case id to reason, from a checked-in list. */
    static Map<String, String> knownGaps(String resource) {
        Map<String, String> gaps = new HashMap<>();
        try (InputStream in = Corpus.class.getResourceAsStream(resource)) {
            if (in == null) {
                return gaps;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                int sp = t.indexOf(' ');
                gaps.put(sp < 0 ? t : t.substring(0, sp), sp < 0 ? "" : t.substring(sp + 1).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return gaps;
    }

    /** Wraps a case body: a listed gap must fail (else the list is stale), others must pass. */
    static Executable withGaps(Map<String, String> gaps, String id, Executable body) {
        if (!gaps.containsKey(id)) {
            return body;
        }
        return () -> {
            try {
                body.execute();
            } catch (Throwable expected) {
                org.junit.jupiter.api.Assumptions.abort("known gap: " + gaps.get(id));
            }
            fail("case " + id + " is listed as a known gap but passes now: remove it from the list");
        };
    }

    static <T> T orDefault(T v, Supplier<T> d) {
        return v == null ? d.get() : v;
    }
}
