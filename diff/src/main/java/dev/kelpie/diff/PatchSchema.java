package dev.kelpie.diff;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kelpie.diff.internal.smp.OpenApiSchemas;
import dev.kelpie.diff.internal.smp.SchemaNode;
import java.util.Objects;

/**
 * The patch metadata strategic merge patch needs for one type: which lists merge (and by which
 * key), which maps are replaced, which carry {@code retainKeys}. Get one for a built-in kind from
 * {@link PatchMetadata#schemaFor}, derive one from a CRD with {@link #fromCrd}, or read OpenAPI
 * with {@link #fromOpenApi}. Immutable and thread-safe.
 */
public final class PatchSchema {
    private static final PatchSchema OPEN = new PatchSchema(SchemaNode.open(), "object", null);
    private final SchemaNode node;
    private final String name;
    private final SchemaNode lenientNode;

    private PatchSchema(SchemaNode node, String name, SchemaNode lenientNode) {
        this.node = node;
        this.name = name;
        this.lenientNode = lenientNode == null ? node : lenientNode;
    }

    static PatchSchema of(SchemaNode node, String name, SchemaNode lenientNode) {
        return new PatchSchema(node, name, lenientNode);
    }

    /**
     * The same schema, but fields it does not know are treated as free-form instead of failing
     * the diff ({@code unable to find api field}). The three-way diff uses this, so an object
     * with fields newer than the embedded metadata can still be compared.
     */
    public PatchSchema lenient() {
        return lenientNode == node ? this : new PatchSchema(lenientNode, name + " (lenient)", null);
    }

    /** A schema without metadata: maps merge, every list is replaced (like a JSON merge patch on lists). */
    public static PatchSchema open() {
        return OPEN;
    }

    /**
     * One definition of an OpenAPI document: v2 ({@code definitions}) or v3
     * ({@code components.schemas}). Unknown fields are errors when a patch must look inside them,
     * as in apimachinery.
     *
     * @param openApi the whole OpenAPI document
     * @param definition the definition name, e.g. {@code io.k8s.api.apps.v1.Deployment}
     * @throws IllegalArgumentException when the document has no such definition
     */
    public static PatchSchema fromOpenApi(JsonNode openApi, String definition) {
        Objects.requireNonNull(openApi, "openApi");
        Objects.requireNonNull(definition, "definition");
        JsonNode defs = openApi.has("definitions") ? openApi.get("definitions") : openApi.path("components").path("schemas");
        OpenApiSchemas schemas = OpenApiSchemas.of(defs, false);
        if (!schemas.has(definition)) {
            throw new IllegalArgumentException("OpenAPI document has no definition " + definition);
        }
        return new PatchSchema(schemas.definition(definition), definition,
                schemas.withLenient(true).definition(definition));
    }

    /**
     * The schema of a custom resource from its CRD version's {@code openAPIV3Schema}. Reads
     * {@code x-kubernetes-patch-strategy} and {@code x-kubernetes-patch-merge-key}; a
     * {@code x-kubernetes-list-type: map} with a single {@code x-kubernetes-list-map-keys} entry
     * merges by that key, and {@code x-kubernetes-list-type: set} merges primitives.
     */
    public static PatchSchema fromCrd(JsonNode openApiV3Schema) {
        Objects.requireNonNull(openApiV3Schema, "openApiV3Schema");
        return new PatchSchema(OpenApiSchemas.crd(openApiV3Schema, "custom resource", false), "custom resource",
                OpenApiSchemas.crd(openApiV3Schema, "custom resource", true));
    }

    SchemaNode node() {
        return node;
    }

    @Override
    public String toString() {
        return "PatchSchema[" + name + "]";
    }
}
