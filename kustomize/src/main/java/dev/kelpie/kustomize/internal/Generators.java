package dev.kelpie.kustomize.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.core.model.Origin;
import dev.kelpie.kustomize.KustomizeException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** {@code configMapGenerator} and {@code secretGenerator}: builds ConfigMaps and Secrets. */
final class Generators {
    private Generators() {
    }

    /** Builds one generated object from its arguments and the kustomization's generatorOptions. */
    static KResource generate(JsonNode args, JsonNode globalOptions, FileLoader loader, String file, boolean secret) {
        String kind = secret ? "Secret" : "ConfigMap";
        String field = secret ? "secretGenerator" : "configMapGenerator";
        String name = Gvk.text(args, "name");
        if (name.isEmpty()) {
            throw new KustomizeException(file + ": " + field + ": a " + kind.toLowerCase() + " must have a name");
        }
        Map<String, byte[]> data = new TreeMap<>();
        for (JsonNode lit : iter(args.get("literals"))) {
            String s = lit.asText();
            int eq = s.indexOf('=');
            if (eq < 0) {
                throw new KustomizeException(file + ": " + field + ": invalid literal source " + s
                        + ", expected key=value");
            }
            put(data, s.substring(0, eq), unquote(s.substring(eq + 1)).getBytes(StandardCharsets.UTF_8), name, file);
        }
        for (JsonNode f : iter(args.get("files"))) {
            String s = f.asText();
            int eq = s.indexOf('=');
            String key = eq < 0 ? s.substring(s.lastIndexOf('/') + 1) : s.substring(0, eq);
            String path = eq < 0 ? s : s.substring(eq + 1);
            if (key.isEmpty()) {
                throw new KustomizeException(file + ": " + field + ": key for file source " + s + " is empty");
            }
            put(data, key, loader.readBytes(path), name, file);
        }
        JsonNode envs = args.get("envs");
        java.util.List<String> envFiles = new java.util.ArrayList<>();
        iter(envs).forEach(e -> envFiles.add(e.asText()));
        if (args.hasNonNull("env")) {
            envFiles.add(args.get("env").asText());
        }
        for (String env : envFiles) {
            envFile(loader.readString(env), env, data, name, file);
        }
        ObjectNode obj = JsonNodeFactory.instance.objectNode();
        obj.put("apiVersion", "v1");
        obj.put("kind", kind);
        ObjectNode md = obj.putObject("metadata");
        md.put("name", name);
        String ns = Gvk.text(args, "namespace");
        if (!ns.isEmpty()) {
            md.put("namespace", ns);
        }
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, String> annotations = new LinkedHashMap<>();
        boolean disableHash = false;
        boolean immutable = false;
        for (JsonNode opts : new JsonNode[] {globalOptions, args.get("options")}) {
            if (opts == null || opts.isNull()) {
                continue;
            }
            opts.path("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            opts.path("annotations").fields().forEachRemaining(e -> annotations.put(e.getKey(), e.getValue().asText()));
            disableHash |= opts.path("disableNameSuffixHash").asBoolean(false);
            immutable |= opts.path("immutable").asBoolean(false);
        }
        if (!labels.isEmpty()) {
            ObjectNode l = md.putObject("labels");
            labels.forEach(l::put);
        }
        if (!annotations.isEmpty()) {
            ObjectNode a = md.putObject("annotations");
            annotations.forEach(a::put);
        }
        if (secret) {
            String type = Gvk.text(args, "type");
            obj.put("type", type.isEmpty() ? "Opaque" : type);
        }
        fill(obj, data, secret);
        if (immutable) {
            obj.put("immutable", true);
        }
        KResource r = new KResource(obj, Origin.of(file));
        r.needsHash = !disableHash;
        String behavior = Gvk.text(args, "behavior");
        r.behavior = behavior.isEmpty() ? "create" : behavior;
        if (!r.behavior.equals("create") && !r.behavior.equals("merge") && !r.behavior.equals("replace")) {
            throw new KustomizeException(file + ": " + field + ": unknown behavior \"" + behavior + "\"");
        }
        return r;
    }

    private static void fill(ObjectNode obj, Map<String, byte[]> data, boolean secret) {
        ObjectNode d = null;
        ObjectNode bin = null;
        for (Map.Entry<String, byte[]> e : data.entrySet()) {
            String text = secret ? null : utf8(e.getValue());
            if (secret) {
                d = d == null ? obj.putObject("data") : d;
                d.put(e.getKey(), base64(e.getValue()));
            } else if (text != null) {
                d = d == null ? obj.putObject("data") : d;
                d.put(e.getKey(), text);
            } else {
                bin = bin == null ? obj.putObject("binaryData") : bin;
                bin.put(e.getKey(), base64(e.getValue()));
            }
        }
    }

    /** Base64 in lines of 70 characters, each ending in a newline when there are several (as kustomize). */
    static String base64(byte[] b) {
        String s = Base64.getEncoder().encodeToString(b);
        if (s.length() < 70) {
            return s;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i += 70) {
            out.append(s, i, Math.min(s.length(), i + 70)).append('\n');
        }
        return out.toString();
    }

    private static String utf8(byte[] b) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static void envFile(String text, String env, Map<String, byte[]> data, String name, String file) {
        String body = text.startsWith("\ufeff") ? text.substring(1) : text;
        int lineNo = 0;
        for (String raw : body.split("\n", -1)) {
            lineNo++;
            String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
            String trimmed = line.stripLeading();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int eq = trimmed.indexOf('=');
            if (eq < 0) {
                String v = System.getenv(trimmed.strip());
                if (v != null) {
                    put(data, trimmed.strip(), v.getBytes(StandardCharsets.UTF_8), name, file);
                }
                continue;
            }
            String key = trimmed.substring(0, eq);
            if (key.isEmpty() || key.contains(" ")) {
                throw new KustomizeException(env + ":" + lineNo + ": invalid key \"" + key + "\" in env file");
            }
            put(data, key, unquote(trimmed.substring(eq + 1)).getBytes(StandardCharsets.UTF_8), name, file);
        }
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'') && v.charAt(v.length() - 1) == v.charAt(0)) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }

    private static void put(Map<String, byte[]> data, String key, byte[] value, String name, String file) {
        if (data.containsKey(key)) {
            throw new KustomizeException(file + ": configmap " + name + " illegally repeats the key `" + key + "`");
        }
        data.put(key, value);
    }

    private static Iterable<JsonNode> iter(JsonNode n) {
        return n == null || !n.isArray() ? java.util.List.of() : n;
    }

    /** Folds a generated object into the list: create, or merge/replace one from a base. */
    static void absorb(ResourceList m, KResource res, String file) {
        absorb(m, res, file, null);
    }

    /** Objects by every name they have had, for many {@link #absorb} calls in a row. */
    static java.util.Map<String, java.util.List<KResource>> nameIndex(ResourceList m) {
        java.util.Map<String, java.util.List<KResource>> index = new java.util.HashMap<>();
        for (KResource r : m) {
            index(index, r);
        }
        return index;
    }

    private static void index(java.util.Map<String, java.util.List<KResource>> index, KResource r) {
        java.util.Set<String> names = new java.util.HashSet<>();
        r.allIds().forEach(i -> names.add(i.name()));
        names.forEach(n -> index.computeIfAbsent(n, k -> new java.util.ArrayList<>()).add(r));
    }

    static void absorb(ResourceList m, KResource res, String file, java.util.Map<String, java.util.List<KResource>> index) {
        Rid id = res.curId();
        java.util.List<KResource> matches = index == null ? m.matchingAnyId(id::sameAs, id.name())
                : index.getOrDefault(id.name(), java.util.List.of()).stream()
                        .filter(r -> r.allIds().stream().anyMatch(id::sameAs) && m.items.contains(r)).toList();
        if (matches.isEmpty()) {
            if (!res.behavior.equals("create")) {
                throw new KustomizeException(file + ": id " + id + " does not exist; cannot merge or replace");
            }
            m.append(res);
            if (index != null) {
                index(index, res);
            }
            return;
        }
        if (matches.size() > 1) {
            throw new KustomizeException(file + ": found multiple objects " + matches + " that could accept merge of " + id);
        }
        KResource old = matches.get(0);
        if (res.behavior.equals("create")) {
            throw new KustomizeException(file + ": id " + id + " exists; behavior must be merge or replace");
        }
        mergeMeta(res, old, "labels");
        mergeMeta(res, old, "annotations");
        JsonNode oldOrigin = old.obj.path("metadata").path("annotations").get(KustTarget.ORIGIN);
        if (oldOrigin != null) {
            res.annotations(true).set(KustTarget.ORIGIN, oldOrigin);
        }
        res.setName(old.name());
        res.setNamespace(old.namespace());
        res.prevIds.clear();
        res.prevIds.addAll(old.prevIds);
        res.prefixes.clear();
        res.prefixes.addAll(old.prefixes);
        res.suffixes.clear();
        res.suffixes.addAll(old.suffixes);
        if (res.behavior.equals("merge")) {
            for (String f : new String[] {"data", "binaryData"}) {
                JsonNode od = old.obj.get(f);
                if (od != null && od.isObject()) {
                    ObjectNode merged = ((ObjectNode) od).deepCopy();
                    JsonNode nd = res.obj.get(f);
                    if (nd != null && nd.isObject()) {
                        merged.setAll((ObjectNode) nd);
                    }
                    res.obj.set(f, merged);
                }
            }
        }
        res.needsHash = res.needsHash && old.needsHash;
        res.behavior = "create";
        m.replace(old, res);
        if (index != null) {
            // old is filed under the names it had when indexed; names of a replaced object never change
            for (Rid was : old.allIds()) {
                java.util.List<KResource> l = index.get(was.name());
                if (l != null) {
                    l.remove(old);
                }
            }
            index(index, res);
        }
    }

    private static void mergeMeta(KResource res, KResource old, String field) {
        JsonNode o = old.obj.path("metadata").get(field);
        if (o == null || !o.isObject() || o.isEmpty()) {
            return;
        }
        ObjectNode merged = ((ObjectNode) o).deepCopy();
        JsonNode n = res.obj.path("metadata").get(field);
        if (n != null && n.isObject()) {
            merged.setAll((ObjectNode) n);
        }
        res.metadata().set(field, merged);
    }
}
