package dev.kelpie.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.kelpie.diff.internal.json.JsonValues;
import dev.kelpie.diff.internal.smp.OpenApiSchemas;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * Patch metadata of Kubernetes kinds: merge keys and patch strategies (for strategic merge
 * patch) and list types / map keys (for server-side apply), by group/version/kind and field
 * path. {@link #builtIn()} is generated from the Kubernetes OpenAPI spec by
 * {@code diff/tools/generate_patch_metadata.py} and embedded. Custom resources have none
 * (use {@link PatchSchema#fromCrd} or a JSON merge patch, as kubectl does).
 *
 * <p>Immutable and thread-safe.
 */
public final class PatchMetadata {
    private static final String RESOURCE = "/dev/kelpie/diff/patch-metadata.json.gz";
    private static final FieldPatchMetadata NONE = new FieldPatchMetadata(List.of(), "", "", List.of(), "");
    private static volatile PatchMetadata builtIn;

    private final String kubernetesVersion;
    private final JsonNode kinds;
    private final JsonNode definitions;
    private final OpenApiSchemas strict;
    private final OpenApiSchemas lenient;

    private PatchMetadata(String kubernetesVersion, JsonNode kinds, JsonNode definitions) {
        this.kubernetesVersion = kubernetesVersion;
        this.kinds = kinds;
        this.definitions = definitions;
        this.strict = OpenApiSchemas.of(definitions, false);
        this.lenient = strict.withLenient(true);
    }

    /** The embedded metadata of the built-in kinds (Kubernetes 1.33). Loaded once. */
    public static PatchMetadata builtIn() {
        PatchMetadata m = builtIn;
        if (m == null) {
            synchronized (PatchMetadata.class) {
                m = builtIn;
                if (m == null) {
                    m = load();
                    builtIn = m;
                }
            }
        }
        return m;
    }

    private static PatchMetadata load() {
        ObjectMapper mapper = JsonMapper.builder().nodeFactory(JsonValues.NODES).build();
        try (InputStream raw = PatchMetadata.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            JsonNode root = mapper.readTree(new GZIPInputStream(raw));
            return new PatchMetadata(root.path("kubernetesVersion").asText(), root.path("kinds"), root.path("definitions"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * Metadata read from a Kubernetes OpenAPI v2 document (its {@code definitions} and their
     * {@code x-kubernetes-group-version-kind}), e.g. a cluster's {@code /openapi/v2}.
     */
    public static PatchMetadata fromOpenApiV2(JsonNode swagger) {
        Objects.requireNonNull(swagger, "swagger");
        var kinds = JsonValues.NODES.objectNode();
        swagger.path("definitions").fields().forEachRemaining(e -> e.getValue()
                .path("x-kubernetes-group-version-kind").forEach(gvk -> {
                    String group = gvk.path("group").asText("");
                    kinds.put((group.isEmpty() ? "core" : group) + "/" + gvk.path("version").asText() + "/"
                            + gvk.path("kind").asText(), e.getKey());
                }));
        return new PatchMetadata(swagger.path("info").path("version").asText(""), kinds, swagger.path("definitions"));
    }

    /** The Kubernetes version the metadata was generated from, e.g. {@code 1.33}. */
    public String kubernetesVersion() {
        return kubernetesVersion;
    }

    /** Every kind known, as {@code group/version/kind} ({@code core} for the core group). */
    public Set<String> kinds() {
        Set<String> out = new LinkedHashSet<>();
        kinds.fieldNames().forEachRemaining(out::add);
        return out;
    }

    /**
     * The strategic merge patch schema of a kind; empty for kinds it does not know (custom
     * resources).
     *
     * @param group API group, {@code ""} for the core group
     */
    public Optional<PatchSchema> schemaFor(String group, String version, String kind) {
        return definitionOf(group, version, kind).map(def ->
                PatchSchema.of(strict.definition(def), kind, lenient.definition(def)));
    }

    /** Same, from an {@code apiVersion} such as {@code apps/v1} or {@code v1}. */
    public Optional<PatchSchema> schemaFor(String apiVersion, String kind) {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? schemaFor("", apiVersion, kind)
                : schemaFor(apiVersion.substring(0, slash), apiVersion.substring(slash + 1), kind);
    }

    private Optional<String> definitionOf(String group, String version, String kind) {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(kind, "kind");
        JsonNode def = kinds.get((group.isEmpty() ? "core" : group) + "/" + version + "/" + kind);
        return def == null ? Optional.empty() : Optional.of(def.asText());
    }

    /**
     * The metadata of one field, by path from the object root: dot-separated, {@code []} for
     * every list element, {@code {}} for every map value, e.g.
     * {@code spec.template.spec.containers[].env}. Empty when the kind or field is unknown.
     */
    public Optional<FieldPatchMetadata> field(String group, String version, String kind, String path) {
        Optional<String> def = definitionOf(group, version, kind);
        if (def.isEmpty()) {
            return Optional.empty();
        }
        JsonNode schema = definitions.get(def.get());
        JsonNode property = null;
        for (String segment : path.split("\\.")) {
            String name = segment;
            List<String> suffixes = new ArrayList<>();
            while (name.endsWith("[]") || name.endsWith("{}")) {
                suffixes.add(0, name.substring(name.length() - 2));
                name = name.substring(0, name.length() - 2);
            }
            property = resolve(schema).path("properties").get(name);
            if (property == null) {
                return Optional.empty();
            }
            schema = property;
            for (String s : suffixes) {
                schema = resolve(schema).path("[]".equals(s) ? "items" : "additionalProperties");
            }
        }
        if (property == null) {
            return Optional.empty();
        }
        return Optional.of(metadataOf(property));
    }

    /**
     * Every field of a kind that carries patch, list or map metadata, by path (the syntax of
     * {@link #field}), sorted by path; empty when the kind is unknown. A definition that
     * contains itself (e.g. {@code JSONSchemaProps}) is followed once per path: the walk stops
     * where a definition would repeat on the path that leads to it.
     *
     * @param group API group, {@code ""} for the core group
     */
    public SortedMap<String, FieldPatchMetadata> fields(String group, String version, String kind) {
        SortedMap<String, FieldPatchMetadata> out = new TreeMap<>();
        definitionOf(group, version, kind).ifPresent(def -> {
            Set<String> onPath = new HashSet<>();
            onPath.add(def);
            walkProperties(definitions.path(def), "", onPath, out);
        });
        return Collections.unmodifiableSortedMap(out);
    }

    private void walkProperties(JsonNode schema, String prefix, Set<String> onPath,
                                Map<String, FieldPatchMetadata> out) {
        schema.path("properties").fields().forEachRemaining(e -> {
            String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            FieldPatchMetadata m = metadataOf(e.getValue());
            if (!m.equals(NONE)) {
                out.put(path, m);
            }
            walkValue(e.getValue(), path, onPath, out);
        });
    }

    private void walkValue(JsonNode schema, String path, Set<String> onPath, Map<String, FieldPatchMetadata> out) {
        JsonNode ref = schema.get("$ref");
        if (ref != null) {
            String name = ref.asText().substring(ref.asText().lastIndexOf('/') + 1);
            if (onPath.add(name)) {
                walkProperties(definitions.path(name), path, onPath, out);
                onPath.remove(name);
            }
            return;
        }
        if (schema.has("items")) {
            walkValue(schema.get("items"), path + "[]", onPath, out);
        }
        if (schema.has("additionalProperties")) {
            walkValue(schema.get("additionalProperties"), path + "{}", onPath, out);
        }
        walkProperties(schema, path, onPath, out);
    }

    private static FieldPatchMetadata metadataOf(JsonNode property) {
        List<String> keys = new ArrayList<>();
        property.path("x-kubernetes-list-map-keys").forEach(k -> keys.add(k.asText()));
        String strategy = property.path("x-kubernetes-patch-strategy").asText("");
        return new FieldPatchMetadata(strategy.isEmpty() ? List.of() : List.of(strategy.split(",")),
                property.path("x-kubernetes-patch-merge-key").asText(""), property.path("x-kubernetes-list-type").asText(""),
                keys, property.path("x-kubernetes-map-type").asText(""));
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode ref = schema.get("$ref");
        if (ref != null) {
            String r = ref.asText();
            return definitions.path(r.substring(r.lastIndexOf('/') + 1));
        }
        return schema;
    }

    @Override
    public String toString() {
        return "PatchMetadata[kubernetes " + kubernetesVersion + ", " + kinds.size() + " kinds]";
    }
}
