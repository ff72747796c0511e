package dev.kelpie.kustomize.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.kustomize.KustomizeException;
import java.util.List;
import java.util.Map;

/** The generator and transformer stages of one kustomization, in kustomize's order. */
final class Steps {
    private Steps() {
    }

    static void runGenerators(KustomizationFile k, FileLoader loader, Accumulation ra, String originFile) {
        JsonNode options = k.get("generatorOptions");
        java.util.Map<String, List<KResource>> index = k.has("configMapGenerator") || k.has("secretGenerator")
                ? Generators.nameIndex(ra.resources) : null;
        for (String kind : List.of("ConfigMapGenerator", "SecretGenerator")) {
            boolean secret = kind.equals("SecretGenerator");
            for (JsonNode args : k.list(secret ? "secretGenerator" : "configMapGenerator")) {
                KResource r = Generators.generate(args, options, loader, k.file, secret);
                if (originFile != null) {
                    KustTarget.setOrigin(r.obj, "configuredIn: " + originFile + "\nconfiguredBy:\n  apiVersion: builtin\n  kind: "
                            + kind + "\n");
                }
                Generators.absorb(ra.resources, r, k.file, index);
            }
        }
        for (String g : k.strings("generators")) {
            PluginConfigs.generate(k, loader, g, ra);
        }
    }

    static void runTransformers(KustomizationFile k, FileLoader loader, Accumulation ra) {
        ResourceList m = ra.resources;
        m.namesChanged();
        TransformerConfig tc = ra.config;
        for (JsonNode p : k.list("patchesStrategicMerge")) {
            String text;
            String source;
            if (p.isTextual() && looksLikePath(p.asText())) {
                source = loader.resolve(p.asText());
                text = loader.readString(p.asText());
            } else {
                source = k.file;
                text = p.asText();
            }
            for (JsonNode doc : Patches.parse(text, source)) {
                if (!doc.isObject()) {
                    throw new KustomizeException(source + ": patchesStrategicMerge: expected a mapping");
                }
                Patches.applySmp(m, (ObjectNode) doc, null, false, false, source, k.file);
            }
        }
        for (JsonNode p : k.list("patches")) {
            TransformerTrail trail = TransformerTrail.start(m);
            Patches.applyEntry(m, p, loader, k.file);
            finish(trail, m, k, "PatchTransformer");
        }
        TransformerTrail trail = TransformerTrail.start(m);
        BuiltinTransformers.namespace(m, k.text("namespace"), tc.get("namespace"), false, "defaultOnly");
        finish(trail, m, k, "NamespaceTransformer");
        trail = TransformerTrail.start(m);
        BuiltinTransformers.affix(m, k.text("namePrefix"), tc.get("namePrefix"), true);
        finish(trail, m, k, "PrefixTransformer");
        trail = TransformerTrail.start(m);
        BuiltinTransformers.affix(m, k.text("nameSuffix"), tc.get("nameSuffix"), false);
        finish(trail, m, k, "SuffixTransformer");
        trail = TransformerTrail.start(m);
        for (JsonNode label : k.list("labels")) {
            labels(m, label, tc, k.file);
        }
        BuiltinTransformers.mapEntries(m, k.stringMap("commonLabels"), tc.get("commonLabels"));
        finish(trail, m, k, "LabelTransformer");
        trail = TransformerTrail.start(m);
        BuiltinTransformers.mapEntries(m, k.stringMap("commonAnnotations"), tc.get("commonAnnotations"));
        finish(trail, m, k, "AnnotationsTransformer");
        for (JsonNode p : k.list("patchesJson6902")) {
            Patches.applyJson6902Entry(m, p, loader, k.file);
        }
        ReplicaTransformer.apply(m, k.list("replicas"), tc.get("replicas"), k.file);
        List<ImageTransformer.ImageTag> images = new java.util.ArrayList<>();
        for (String field : List.of("images", "imageTags")) {
            for (JsonNode i : k.list(field)) {
                images.add(ImageTransformer.ImageTag.from(i));
            }
        }
        ImageTransformer.apply(m, images, tc.get("images"));
        for (JsonNode r : k.list("replacements")) {
            Replacements.applyEntry(m, r, loader, k.file);
        }
        for (String t : k.strings("transformers")) {
            PluginConfigs.transform(k, loader, t, ra);
        }
        m.namesChanged();
    }

    private static void finish(TransformerTrail trail, ResourceList m, KustomizationFile k, String kind) {
        if (trail != null) {
            trail.finish(m.ctx.relative(k.file), kind, null);
        }
    }

    static boolean looksLikePath(String s) {
        return !s.contains("\n") && !s.trim().startsWith("{") && !s.contains(": ");
    }

    private static void labels(ResourceList m, JsonNode label, TransformerConfig tc, String file) {
        Map<String, String> pairs = KustTarget.stringMap(label.get("pairs"));
        List<String> allowed = List.of("pairs", "includeSelectors", "includeTemplates", "fields");
        label.fieldNames().forEachRemaining(f -> {
            if (!allowed.contains(f)) {
                throw new KustomizeException(file + ": labels: json: unknown field \"" + f + "\"");
            }
        });
        List<FieldSpec> specs = new java.util.ArrayList<>();
        if (label.path("includeSelectors").asBoolean(false)) {
            specs.addAll(tc.get("commonLabels"));
        } else {
            specs.add(FieldSpec.of("metadata/labels", true));
            if (label.path("includeTemplates").asBoolean(false)) {
                specs.addAll(tc.get("templateLabels"));
            }
        }
        specs.addAll(tc.get("labels"));
        specs.addAll(FieldSpec.listFrom(label.get("fields")));
        BuiltinTransformers.mapEntries(m, pairs, specs);
    }

    static void mergeVars(KustomizationFile k, Accumulation ra) {
        for (JsonNode v : k.list("vars")) {
            Vars.attach(ra, v, k.file);
            ra.addVar(v, k.file);
        }
    }
}
