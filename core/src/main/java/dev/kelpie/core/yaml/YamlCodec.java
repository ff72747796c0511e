package dev.kelpie.core.yaml;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.kelpie.core.model.InvalidResourceException;
import dev.kelpie.core.model.Manifests;
import dev.kelpie.core.model.Origin;
import dev.kelpie.core.model.Resource;
import dev.kelpie.core.yaml.internal.EventTreeReader;
import dev.kelpie.core.yaml.internal.FastBlockReader;
import dev.kelpie.core.yaml.internal.YamlEmitter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads and writes Kubernetes manifests as YAML or JSON streams.
 *
 * <p>Reading: multi-document YAML ({@code ---}), JSON documents (one or several concatenated),
 * empty documents skipped, comments ignored, {@code kind: List} (and any {@code *List} with
 * {@code items}) flattened. Values read as Kubernetes tools read them (YAML 1.2 core schema).
 * Safe by default: duplicate keys, alias bombs, oversized or over-deep documents are refused
 * with {@code file:line:column}. Writing: block YAML as kubectl prints it, documents separated
 * by {@code ---}; or JSON.
 *
 * <pre>{@code
 * YamlCodec yaml = YamlCodec.defaults();
 * Manifests m = yaml.readManifests("deploy.yaml", text);
 * String out = yaml.write(m);
 * }</pre>
 *
 * Immutable and thread-safe.
 */
public final class YamlCodec {
    private static final YamlCodec DEFAULTS = new YamlCodec(YamlLimits.DEFAULT, OutputStyle.KUBECTL);
    /** Made on first JSON use: building an ObjectMapper is costly at start-up, and YAML needs none. */
    private static final class JsonWriter {
        static final ObjectMapper JSON_WRITER = JsonMapper.builder()
                .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
                .enable(SerializationFeature.INDENT_OUTPUT)
                .build();
    }

    private final YamlLimits limits;
    private final OutputStyle style;
    private final YamlEmitter emitter;
    private volatile ObjectMapper jsonReader;

    private YamlCodec(YamlLimits limits, OutputStyle style) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.style = Objects.requireNonNull(style, "style");
        this.emitter = new YamlEmitter(style);
    }

    /** The JSON reader for this codec's limits, made on first use. */
    private ObjectMapper jsonReader() {
        ObjectMapper r = jsonReader;
        if (r == null) {
            JsonFactory factory = JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(limits.maxDepth())
                            .maxDocumentLength(limits.maxDocumentCodePoints())
                            .build())
                    .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build();
            r = JsonMapper.builder(factory)
                    .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
                    .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .build();
            jsonReader = r;
        }
        return r;
    }

    /** Default limits, keys sorted on output. */
    public static YamlCodec defaults() {
        return DEFAULTS;
    }

    public static YamlCodec of(YamlLimits limits) {
        return new YamlCodec(limits, OutputStyle.KUBECTL);
    }

    public YamlLimits limits() {
        return limits;
    }

    /** A codec that writes keys in tree order rather than sorted. */
    public YamlCodec preservingKeyOrder() {
        return withStyle(OutputStyle.TREE_ORDER);
    }

    /** A codec that writes in the given style ({@link OutputStyle#KUSTOMIZE}: as {@code kustomize build} prints). */
    public YamlCodec withStyle(OutputStyle newStyle) {
        return new YamlCodec(limits, newStyle);
    }

    public OutputStyle style() {
        return style;
    }

    /** A codec with other limits. */
    public YamlCodec withLimits(YamlLimits newLimits) {
        return new YamlCodec(newLimits, style);
    }

    /**
     * Every non-empty document of a YAML or JSON stream, unflattened.
     *
     * @param file how to name the source in errors
     * @throws YamlException on a syntax error, a duplicate key or an exceeded limit
     */
    public List<YamlDocument> readDocuments(String file, String text) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(text, "text");
        String body = text.startsWith("\ufeff") ? text.substring(1) : text;
        if (looksLikeJson(body)) {
            return readJson(file, body);
        }
        // the common block subset is read without snakeyaml (much less code to run in a cold JVM);
        // anything outside it, errors included, goes to the event reader
        List<YamlDocument> fast = FastBlockReader.read(file, body, limits);
        return fast != null ? fast : new EventTreeReader(file, limits).read(body);
    }

    /** Reads a file from disk; see {@link #readDocuments(String, String)}. */
    public List<YamlDocument> readDocuments(Path path) {
        return readDocuments(path.toString(), readFile(path));
    }

    /**
     * The Kubernetes objects of a stream, Lists flattened, in order (duplicates allowed).
     *
     * @throws InvalidResourceException when a document lacks apiVersion, kind or metadata.name
     */
    public List<Resource> readResources(String file, String text) {
        List<Resource> out = new ArrayList<>();
        for (YamlDocument doc : readDocuments(file, text)) {
            flatten(doc.tree(), doc.origin(), out);
        }
        return out;
    }

    /**
     * The objects of a stream as {@link Manifests}.
     *
     * @throws dev.kelpie.core.model.DuplicateResourceException when two documents name one object
     */
    public Manifests readManifests(String file, String text) {
        return Manifests.of(readResources(file, text));
    }

    public Manifests readManifests(Path path) {
        return readManifests(path.toString(), readFile(path));
    }

    private static void flatten(JsonNode tree, Origin origin, List<Resource> out) {
        if (tree.isObject() && tree.path("kind").isTextual() && tree.path("kind").asText().endsWith("List")
                && tree.has("items") && !tree.has("metadata") || isListWithItems(tree)) {
            JsonNode items = tree.get("items");
            if (items == null || items.isNull()) {
                return;
            }
            if (!items.isArray()) {
                throw new InvalidResourceException(origin, "items", "expected a sequence in " + tree.path("kind").asText());
            }
            for (JsonNode item : items) {
                flatten(item, origin, out);
            }
            return;
        }
        out.add(Resource.of(tree, origin));
    }

    private static boolean isListWithItems(JsonNode tree) {
        return tree.isObject() && tree.path("kind").isTextual()
                && tree.path("kind").asText().endsWith("List")
                && tree.path("items").isArray();
    }

    /** The objects as one YAML stream, {@code ---} between documents. */
    public String write(Iterable<Resource> resources) {
        StringBuilder out = new StringBuilder();
        for (Resource r : resources) {
            if (out.length() > 0) {
                out.append("---\n");
            }
            emitter.write(r.unsafeTree(), out);
        }
        return out.toString();
    }

    /** One tree as a YAML document. */
    public String write(JsonNode tree) {
        return emitter.write(tree);
    }

    /** One tree as indented JSON. */
    public String writeJson(JsonNode tree) {
        try {
            return JsonWriter.JSON_WRITER.writeValueAsString(style != OutputStyle.TREE_ORDER ? sorted(tree) : tree) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode sorted(JsonNode n) {
        if (n.isObject()) {
            var out = JsonNodeFactory.instance.objectNode();
            List<String> names = new ArrayList<>();
            n.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            names.forEach(k -> out.set(k, sorted(n.get(k))));
            return out;
        }
        if (n.isArray()) {
            var out = JsonNodeFactory.instance.arrayNode();
            n.forEach(x -> out.add(sorted(x)));
            return out;
        }
        return n;
    }

    private static boolean looksLikeJson(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '{' || c == '[';
            }
        }
        return false;
    }

    private List<YamlDocument> readJson(String file, String text) {
        List<YamlDocument> docs = new ArrayList<>();
        ObjectMapper reader = jsonReader();
        try (JsonParser p = reader.createParser(text)) {
            int index = 0;
            while (true) {
                JsonToken t = p.nextToken();
                if (t == null) {
                    break;
                }
                JsonLocation loc = p.currentTokenLocation();
                JsonNode node = reader.readTree(p);
                if (node != null && !node.isNull()) {
                    docs.add(new YamlDocument(node, new Origin(file, index, loc.getLineNr(), loc.getColumnNr())));
                }
                index++;
            }
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            Origin o = loc == null ? Origin.of(file) : Origin.of(file, Math.max(0, loc.getLineNr()), Math.max(0, loc.getColumnNr()));
            throw new YamlException(o, "invalid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return docs;
    }

    private static String readFile(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new YamlException(Origin.of(path.toString()), "no such file");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new YamlException(Origin.of(path.toString()), "not valid UTF-8");
        } catch (IOException e) {
            throw new YamlException(Origin.of(path.toString()), "cannot read: " + e.getMessage(), e);
        }
    }
}
