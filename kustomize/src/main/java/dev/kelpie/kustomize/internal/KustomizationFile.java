package dev.kelpie.kustomize.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.core.source.FileTree;
import dev.kelpie.core.yaml.YamlCodec;
import dev.kelpie.core.yaml.YamlDocument;
import dev.kelpie.core.yaml.YamlException;
import dev.kelpie.kustomize.KustomizeException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A parsed kustomization file: field names matched case-insensitively (as Go's JSON decoder
 * does), unknown fields refused, deprecated fields accepted with a warning. Not thread-safe.
 */
final class KustomizationFile {
    /** Initialised on first use: setting up logging costs a short-lived CLI run time it rarely needs. */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(KustomizationFile.class);
    }
    static final List<String> FILE_NAMES = List.of("kustomization.yaml", "kustomization.yml", "Kustomization");
    private static final List<String> FIELDS = List.of("apiVersion", "kind", "metadata", "openapi", "namePrefix",
            "nameSuffix", "namespace", "commonLabels", "labels", "commonAnnotations", "patchesStrategicMerge",
            "patchesJson6902", "patches", "images", "imageTags", "replacements", "replicas", "vars", "sortOptions",
            "resources", "components", "crds", "bases", "configMapGenerator", "secretGenerator", "helmGlobals",
            "helmCharts", "helmChartInflationGenerator", "generatorOptions", "configurations", "generators",
            "transformers", "validators", "buildMetadata");
    private static final List<String> DEPRECATED = List.of("bases", "patchesStrategicMerge", "patchesJson6902", "vars",
            "imageTags", "commonLabels");
    private static final Map<String, String> BY_LOWER = new HashMap<>();

    static {
        FIELDS.forEach(f -> BY_LOWER.put(f.toLowerCase(Locale.ROOT), f));
    }

    final String dir;
    final String file;
    final ObjectNode k;

    private KustomizationFile(String dir, String file, ObjectNode k) {
        this.dir = dir;
        this.file = file;
        this.k = k;
    }

    /** The kustomization file of a directory, or null when it has none. */
    static String findFile(FileTree tree, String dir) {
        String found = null;
        for (String name : FILE_NAMES) {
            String p = FileTree.join(dir, name);
            if (tree.isFile(p)) {
                if (found != null) {
                    throw new KustomizeException("found multiple kustomization files under: " + display(dir));
                }
                found = p;
            }
        }
        return found;
    }

    static String display(String dir) {
        return dir.isEmpty() ? "." : dir;
    }

    static KustomizationFile load(FileTree tree, String dir) {
        String file = findFile(tree, dir);
        if (file == null) {
            throw new KustomizeException("unable to find one of 'kustomization.yaml', 'kustomization.yml' or "
                    + "'Kustomization' in directory '" + display(dir) + "'");
        }
        return parse(dir, file, tree.readString(file));
    }

    static KustomizationFile parse(String dir, String file, String text) {
        JsonNode root;
        try {
            List<YamlDocument> docs = YamlCodec.defaults().readDocuments(file, text);
            if (docs.size() > 1) {
                throw new KustomizeException(file + ": a kustomization holds one YAML document, found " + docs.size());
            }
            root = docs.isEmpty() ? JsonNodeFactory.instance.objectNode() : docs.get(0).tree();
        } catch (YamlException e) {
            if (!e.getMessage().contains("duplicate key")) {
                throw new KustomizeException(file + ": invalid kustomization: " + e.getMessage(), e);
            }
            root = LenientYaml.read(file, text);
        }
        if (root.isNull()) {
            root = JsonNodeFactory.instance.objectNode();
        }
        if (!root.isObject()) {
            throw new KustomizeException(file + ": invalid kustomization: expected a mapping");
        }
        ObjectNode normalized = JsonNodeFactory.instance.objectNode();
        root.fields().forEachRemaining(e -> {
            String canonical = BY_LOWER.get(e.getKey().toLowerCase(Locale.ROOT));
            if (canonical == null) {
                throw new KustomizeException(file + ": invalid Kustomization: json: unknown field \"" + e.getKey() + "\"");
            }
            if (DEPRECATED.contains(canonical)) {
                Log.LOG.warn("{}: '{}' is deprecated; run 'kustomize edit fix' to update the kustomization", file, canonical);
            }
            normalized.set(canonical, e.getValue());
        });
        KustomizationFile kf = new KustomizationFile(dir, file, normalized);
        String kind = kf.text("kind");
        if (!kind.isEmpty() && !kind.equals("Kustomization") && !kind.equals("Component")) {
            throw new KustomizeException(file + ": kind: expected Kustomization or Component, got \"" + kind + "\"");
        }
        String apiVersion = kf.text("apiVersion");
        if (kf.isComponent() && !apiVersion.isEmpty() && !apiVersion.equals("kustomize.config.k8s.io/v1alpha1")) {
            throw new KustomizeException(file + ": apiVersion for Component should be kustomize.config.k8s.io/v1alpha1");
        }
        if (!kf.isComponent() && !apiVersion.isEmpty() && !apiVersion.equals("kustomize.config.k8s.io/v1beta1")
                && !apiVersion.equals("kustomize.config.k8s.io/v1")) {
            throw new KustomizeException(file + ": apiVersion for Kustomization should be kustomize.config.k8s.io/v1beta1");
        }
        if (kf.has("helmCharts") || kf.has("helmChartInflationGenerator") || kf.has("helmGlobals")) {
            throw new KustomizeException(file + ": helmCharts: helm chart inflation is not supported");
        }
        return kf;
    }

    boolean isComponent() {
        return text("kind").equals("Component");
    }

    boolean has(String field) {
        JsonNode n = k.get(field);
        return n != null && !n.isNull();
    }

    JsonNode get(String field) {
        JsonNode n = k.get(field);
        return n == null || n.isNull() ? null : n;
    }

    String text(String field) {
        JsonNode n = get(field);
        return n == null ? "" : n.asText();
    }

    /** A sequence of strings; a scalar or null is refused as kustomize refuses it. */
    List<String> strings(String field) {
        JsonNode n = get(field);
        List<String> out = new ArrayList<>();
        if (n == null) {
            return out;
        }
        if (!n.isArray()) {
            throw new KustomizeException(file + ": " + field + ": expected a sequence of strings");
        }
        n.forEach(e -> out.add(e.asText()));
        return out;
    }

    List<JsonNode> list(String field) {
        JsonNode n = get(field);
        List<JsonNode> out = new ArrayList<>();
        if (n == null) {
            return out;
        }
        if (!n.isArray()) {
            throw new KustomizeException(file + ": " + field + ": expected a sequence");
        }
        n.forEach(out::add);
        return out;
    }

    /** A map of strings (labels, annotations). */
    Map<String, String> stringMap(String field) {
        JsonNode n = get(field);
        Map<String, String> out = new java.util.LinkedHashMap<>();
        if (n == null) {
            return out;
        }
        if (!n.isObject()) {
            throw new KustomizeException(file + ": " + field + ": expected a mapping");
        }
        n.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
        return out;
    }
}
