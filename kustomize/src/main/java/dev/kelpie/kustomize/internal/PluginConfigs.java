package dev.kelpie.kustomize.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.kustomize.KustomizeException;
import java.util.ArrayList;
import java.util.List;

/**
 * Built-in plugin configurations listed under {@code transformers:} and {@code generators:}
 * (PatchTransformer, LabelTransformer, ConfigMapGenerator, …). External plugins are refused.
 */
final class PluginConfigs {
    private PluginConfigs() {
    }

    private static List<ObjectNode> configs(KustomizationFile k, FileLoader loader, String entry) {
        if (entry.contains("\n") || entry.trim().startsWith("apiVersion") || entry.trim().startsWith("kind")) {
            return FileLoader.objects(k.file, entry);
        }
        String path = loader.resolve(entry);
        if (loader.tree().isDirectory(path)) {
            KustTarget sub = new KustTarget(loader.tree(), loader.restrictor());
            List<ObjectNode> out = new ArrayList<>();
            sub.build(path).resources.forEach(r -> out.add(r.obj));
            return out;
        }
        return FileLoader.objects(path, loader.readString(entry));
    }

    static void generate(KustomizationFile k, FileLoader loader, String entry, KustTarget.Accumulation ra) {
        for (ObjectNode c : configs(k, loader, entry)) {
            String kind = c.path("kind").asText();
            switch (kind) {
                case "ConfigMapGenerator", "SecretGenerator" -> {
                    ObjectNode args = c.deepCopy();
                    args.put("name", c.path("metadata").path("name").asText());
                    if (c.path("metadata").hasNonNull("namespace") && !args.has("namespace")) {
                        args.put("namespace", c.path("metadata").path("namespace").asText());
                    }
                    KResource r = Generators.generate(args, null, loader, k.file, kind.equals("SecretGenerator"));
                    Generators.absorb(ra.resources, r, k.file);
                }
                default -> throw new KustomizeException(k.file + ": generators: unsupported generator kind '" + kind
                        + "' (only built-in generators are supported)");
            }
        }
    }

    static void transform(KustomizationFile k, FileLoader loader, String entry, KustTarget.Accumulation ra) {
        ResourceList m = ra.resources;
        for (ObjectNode c : configs(k, loader, entry)) {
            String kind = c.path("kind").asText();
            List<FieldSpec> specs = FieldSpec.listFrom(c.get("fieldSpecs"));
            switch (kind) {
                case "NamespaceTransformer" -> BuiltinTransformers.namespace(m, c.path("metadata").path("namespace").asText(""),
                        specs, c.path("unsetOnly").asBoolean(false), c.path("setRoleBindingSubjects").asText("defaultOnly"));
                case "PrefixSuffixTransformer", "PrefixTransformer", "SuffixTransformer" -> {
                    if (c.hasNonNull("prefix")) {
                        BuiltinTransformers.affix(m, c.get("prefix").asText(), specs, true);
                    }
                    if (c.hasNonNull("suffix")) {
                        BuiltinTransformers.affix(m, c.get("suffix").asText(), specs, false);
                    }
                }
                case "LabelTransformer" -> BuiltinTransformers.mapEntries(m, KustTarget.stringMap(c.get("labels")), specs);
                case "AnnotationsTransformer" ->
                        BuiltinTransformers.mapEntries(m, KustTarget.stringMap(c.get("annotations")), specs);
                case "ImageTagTransformer" ->
                        ImageTransformer.apply(m, ImageTransformer.ImageTag.from(c.path("imageTag")), specs);
                case "ReplicaCountTransformer" -> ReplicaTransformer.apply(m, c.path("replica"), specs, k.file);
                case "PatchTransformer" -> Patches.applyEntry(m, c, loader, k.file);
                case "PatchJson6902Transformer" -> {
                    ObjectNode e = c.deepCopy();
                    if (c.hasNonNull("jsonOp")) {
                        e.put("patch", c.get("jsonOp").asText());
                    }
                    Patches.applyJson6902Entry(m, e, loader, k.file);
                }
                case "PatchStrategicMergeTransformer" -> {
                    List<JsonNode> patches = new ArrayList<>();
                    for (JsonNode p : iter(c.get("paths"))) {
                        patches.addAll(Patches.parse(loader.readString(p.asText()), loader.resolve(p.asText())));
                    }
                    if (c.hasNonNull("patches")) {
                        patches.addAll(Patches.parse(c.get("patches").asText(), k.file));
                    }
                    for (JsonNode p : patches) {
                        Patches.applySmp(m, (ObjectNode) p, null, false, false, k.file, k.file);
                    }
                }
                case "ReplacementTransformer" -> {
                    for (JsonNode r : iter(c.get("replacements"))) {
                        Replacements.applyEntry(m, r, loader, k.file);
                    }
                }
                case "ConfigMapGenerator", "SecretGenerator" -> {
                    ObjectNode args = c.deepCopy();
                    args.put("name", c.path("metadata").path("name").asText());
                    Generators.absorb(m, Generators.generate(args, null, loader, k.file, kind.equals("SecretGenerator")), k.file);
                }
                default -> throw new KustomizeException(k.file + ": transformers: unsupported transformer kind '" + kind
                        + "' (only built-in transformers are supported)");
            }
        }
    }

    private static Iterable<JsonNode> iter(JsonNode n) {
        return n == null || !n.isArray() ? List.of() : n;
    }

    static ObjectNode empty() {
        return JsonNodeFactory.instance.objectNode();
    }
}
