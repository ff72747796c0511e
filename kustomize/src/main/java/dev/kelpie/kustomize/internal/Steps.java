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

    static void runGenerators(KustomizationFile k, FileLoader loader, KustTarget.Accumulation ra, String originFile) {
        JsonNode options = k.get("generatorOptions");
        for (String kind : List.of("ConfigMapGenerator", "SecretGenerator")) {
            boolean secret = kind.equals("SecretGenerator");
            for (JsonNode args : k.list(secret ? "secretGenerator" : "configMapGenerator")) {
                KResource r = Generators.generate(args, options, loader, k.file, secret);
                if (originFile != null) {
                    KustTarget.setOrigin(r.obj, "configuredIn: " + originFile + "\nconfiguredBy:\n  apiVersion: builtin\n  kind: "
                            + kind + "\n");
                }
                Generators.absorb(ra.resources, r, k.file);
            }
        }
        for (String g : k.strings("generators")) {
            PluginConfigs.generate(k, loader, g, ra);
        }
    }

    static void runTransformers(KustomizationFile k, FileLoader loader, KustTarget.Accumulation ra) {
        ResourceList m = ra.resources;
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
            Patches.applyEntry(m, p, loader, k.file);
        }
        BuiltinTransformers.namespace(m, k.text("namespace"), tc.get("namespace"), false, "defaultOnly");
        BuiltinTransformers.affix(m, k.text("namePrefix"), tc.get("namePrefix"), true);
        BuiltinTransformers.affix(m, k.text("nameSuffix"), tc.get("nameSuffix"), false);
        for (JsonNode label : k.list("labels")) {
            labels(m, label, tc, k.file);
        }
        BuiltinTransformers.mapEntries(m, k.stringMap("commonLabels"), tc.get("commonLabels"));
        BuiltinTransformers.mapEntries(m, k.stringMap("commonAnnotations"), tc.get("commonAnnotations"));
        for (JsonNode p : k.list("patchesJson6902")) {
            Patches.applyJson6902Entry(m, p, loader, k.file);
        }
        for (JsonNode r : k.list("replicas")) {
            ReplicaTransformer.apply(m, r, tc.get("replicas"), k.file);
        }
        for (String field : List.of("images", "imageTags")) {
            for (JsonNode i : k.list(field)) {
                ImageTransformer.apply(m, ImageTransformer.ImageTag.from(i), tc.get("images"));
            }
        }
        for (JsonNode r : k.list("replacements")) {
            Replacements.applyEntry(m, r, loader, k.file);
        }
        for (String t : k.strings("transformers")) {
            PluginConfigs.transform(k, loader, t, ra);
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

    static void mergeVars(KustomizationFile k, KustTarget.Accumulation ra) {
        for (JsonNode v : k.list("vars")) {
            Vars.attach(ra, v, k.file);
            ra.addVar(v, k.file);
        }
    }
}
