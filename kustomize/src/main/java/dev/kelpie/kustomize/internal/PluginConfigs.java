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

    /** One plugin configuration and the file it came from. */
    private record Config(ObjectNode c, String file) {
    }

    private static final List<String> FIELDS = List.of("path", "patch", "target", "options", "paths", "patches",
            "jsonOp", "fieldSpecs", "labels", "annotations", "imageTag", "replica", "replacements", "prefix", "suffix",
            "unsetOnly", "setRoleBindingSubjects", "literals", "files", "envs", "env", "behavior", "type", "name",
            "namespace", "cloud", "kubernetesService", "serviceAccount", "value", "targetFilePath", "targets");

    private static List<Config> configs(KustomizationFile k, FileLoader loader, String entry) {
        List<Config> out = new ArrayList<>();
        if (entry.contains("\n") || entry.trim().startsWith("apiVersion") || entry.trim().startsWith("kind")) {
            FileLoader.objects(k.file, entry).forEach(c -> out.add(new Config(normalize(c), k.file)));
            return out;
        }
        String path = loader.resolve(entry);
        if (loader.tree().isDirectory(path)) {
            KustTarget sub = new KustTarget(loader, null);
            sub.build(path).resources.forEach(r -> out.add(new Config(normalize(r.obj), path)));
            return out;
        }
        FileLoader.objects(path, loader.readString(entry)).forEach(c -> out.add(new Config(normalize(c), path)));
        return out;
    }

    /** Field names matched case-insensitively, as Go's JSON decoder does. */
    private static ObjectNode normalize(ObjectNode c) {
        ObjectNode out = c.objectNode();
        c.fields().forEachRemaining(e -> {
            String key = e.getKey();
            for (String f : FIELDS) {
                if (f.equalsIgnoreCase(key)) {
                    key = f;
                }
            }
            out.set(key, e.getValue());
        });
        return out;
    }

    static void generate(KustomizationFile k, FileLoader loader, String entry, Accumulation ra) {
        for (Config cfg : configs(k, loader, entry)) {
            ObjectNode c = cfg.c();
            String kind = c.path("kind").asText();
            switch (kind) {
                case "ConfigMapGenerator", "SecretGenerator" -> {
                    ObjectNode args = c.deepCopy();
                    if (!args.hasNonNull("name")) {
                        args.put("name", c.path("metadata").path("name").asText());
                    }
                    if (c.path("metadata").hasNonNull("namespace") && !args.has("namespace")) {
                        args.put("namespace", c.path("metadata").path("namespace").asText());
                    }
                    KResource r = Generators.generate(args, null, loader, k.file, kind.equals("SecretGenerator"));
                    if (ra.resources.ctx.originAnnotations) {
                        KustTarget.setOrigin(r.obj, "configuredIn: " + ra.resources.ctx.relative(cfg.file())
                                + "\nconfiguredBy:\n  apiVersion: builtin\n  kind: " + kind + "\n  name: "
                                + c.path("metadata").path("name").asText() + "\n");
                    }
                    Generators.absorb(ra.resources, r, k.file);
                }
                case "IAMPolicyGenerator" -> Generators.absorb(ra.resources, iamPolicy(c, k.file), k.file);
                default -> throw new KustomizeException(k.file + ": generators: unsupported generator kind '" + kind
                        + "' (only built-in generators are supported)");
            }
        }
    }

    static void transform(KustomizationFile k, FileLoader loader, String entry, Accumulation ra) {
        ResourceList m = ra.resources;
        for (Config cfg : configs(k, loader, entry)) {
            ObjectNode c = cfg.c();
            String kind = c.path("kind").asText();
            List<FieldSpec> specs = FieldSpec.listFrom(c.get("fieldSpecs"));
            TransformerTrail trail = TransformerTrail.start(m);
            transformOne(k, loader, m, c, kind, specs);
            if (trail != null) {
                trail.finish(m.ctx.relative(cfg.file()), kind, c);
            }
        }
    }

    private static KResource iamPolicy(ObjectNode c, String file) {
        if (!"gke".equals(c.path("cloud").asText(""))) {
            throw new KustomizeException(file + ": IAMPolicyGenerator: only cloud gke is supported");
        }
        ObjectNode sa = empty();
        sa.put("apiVersion", "v1");
        sa.put("kind", "ServiceAccount");
        ObjectNode md = sa.putObject("metadata");
        md.putObject("annotations").put("iam.gke.io/gcp-service-account", c.path("serviceAccount").path("name").asText()
                + "@" + c.path("serviceAccount").path("projectId").asText() + ".iam.gserviceaccount.com");
        md.put("name", c.path("kubernetesService").path("name").asText());
        String ns = c.path("kubernetesService").path("namespace").asText("");
        if (!ns.isEmpty()) {
            md.put("namespace", ns);
        }
        KResource r = new KResource(sa, dev.kelpie.core.model.Origin.of(file));
        r.behavior = "create";
        return r;
    }

    private static void transformOne(KustomizationFile k, FileLoader loader, ResourceList m, ObjectNode c, String kind,
                                     List<FieldSpec> specs) {
        {
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
                case "HashTransformer" -> {
                    for (KResource r : m) {
                        if (r.needsHash) {
                            String hash = NameHash.of(r);
                            r.storePreviousId();
                            r.setName(r.name() + "-" + hash);
                            r.needsHash = false;
                        }
                    }
                }
                case "ValueAddTransformer" -> valueAdd(m, c, loader);
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

    /** ValueAddTransformer: sets a value, or inserts it as a segment of a slash-separated path. */
    private static void valueAdd(ResourceList m, ObjectNode c, FileLoader loader) {
        String value = c.path("value").asText("");
        JsonNode targets = c.get("targets");
        if (c.hasNonNull("targetFilePath")) {
            List<ObjectNode> docs = FileLoader.objects(c.get("targetFilePath").asText(),
                    loader.readString(c.get("targetFilePath").asText()));
            targets = docs.isEmpty() ? null : docs.get(0).get("targets");
        }
        for (JsonNode target : iter(targets)) {
            Selector sel = target.hasNonNull("selector") ? Selector.from(target.get("selector")) : null;
            FieldSpec fs = new FieldSpec(Gvk.ANY, target.path("fieldPath").asText(""), true);
            int pos = target.path("filePathPosition").asInt(0);
            for (KResource r : new ArrayList<>(m.items)) {
                if (sel != null && !sel.matches(r)) {
                    continue;
                }
                FieldPaths.apply(r.obj, fs, FieldPaths.CreateKind.SCALAR, v -> {
                    if (pos <= 0 || v == null || !v.isTextual()) {
                        return com.fasterxml.jackson.databind.node.TextNode.valueOf(value);
                    }
                    List<String> parts = new ArrayList<>(List.of(v.asText().split("/", -1)));
                    parts.add(Math.min(pos - 1, parts.size()), value);
                    return com.fasterxml.jackson.databind.node.TextNode.valueOf(String.join("/", parts));
                });
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
