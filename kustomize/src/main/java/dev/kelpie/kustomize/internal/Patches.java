package dev.kelpie.kustomize.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.core.yaml.YamlCodec;
import dev.kelpie.diff.DiffException;
import dev.kelpie.diff.JsonPatch;
import dev.kelpie.core.yaml.YamlDocument;
import dev.kelpie.core.yaml.YamlException;
import dev.kelpie.kustomize.KustomizeException;
import dev.kelpie.kustomize.PatchTargetNotFoundException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code patches}, {@code patchesStrategicMerge} and {@code patchesJson6902}: strategic merge
 * patches (by the patch's own id or a selector) and JSON 6902 patches (by selector).
 *
 * <p>JSON 6902 patches are applied by the diff module's
 * {@link JsonPatch#applyLikeKubectlInPlace}: kustomize v5.5 applies them with
 * evanphx/json-patch v4.12, the library kubectl patches with, and that method follows it
 * (negative list indices, a missing member read as absent, ...).
 * What stays here is what kustomize itself checks around the library: the operations must be a
 * non-empty list of mappings (checked when the kustomization is read, even if no object is
 * selected), the patched object must remain an object with a name, and errors name the
 * kustomization, the patch and the object.
 */
final class Patches {
    private Patches() {
    }

    /** One {@code patches:} entry: inline or from a file, SMP or JSON 6902, with an optional target. */
    static void applyEntry(ResourceList m, JsonNode entry, FileLoader loader, String file) {
        String text;
        String source;
        if (entry.isTextual()) {
            throw new KustomizeException(file + ": patches: expected a mapping with path or patch, got a string");
        }
        if (entry.hasNonNull("patch") && entry.get("patch").asText().isBlank() && !entry.hasNonNull("path")) {
            throw new KustomizeException(file + ": patches: must specify one of patch and path");
        }
        if (entry.hasNonNull("path") && entry.hasNonNull("patch")) {
            throw new KustomizeException(file + ": patches: patch and path can't be set at the same time");
        }
        if (entry.hasNonNull("path")) {
            source = loader.resolve(entry.get("path").asText());
            text = loader.readString(entry.get("path").asText());
        } else if (entry.hasNonNull("patch")) {
            source = file;
            text = entry.get("patch").asText();
        } else {
            throw new KustomizeException(file + ": patches: must specify one of patch and path");
        }
        JsonNode options = entry.get("options");
        boolean allowName = options != null && options.path("allowNameChange").asBoolean(false);
        boolean allowKind = options != null && options.path("allowKindChange").asBoolean(false);
        Selector target = entry.hasNonNull("target") ? Selector.from(entry.get("target")) : null;
        List<JsonNode> docs = parse(text, source);
        if (docs.isEmpty()) {
            throw new KustomizeException(file + ": patches: " + source + " illegally qualifies as both an SM and JSON patch");
        }
        if (docs.size() == 1 && docs.get(0).isArray()) {
            if (target == null) {
                throw new KustomizeException(file + ": patches: must specify a target for JSON patch " + source);
            }
            JsonNode ops = json6902(docs.get(0), file, source);
            for (KResource r : m.select(target)) {
                applyJson(r, ops, file, source);
            }
            return;
        }
        if (docs.size() > 1 && target != null) {
            throw new KustomizeException(file + ": patches: Multiple Strategic-Merge Patches in one `patches` entry is "
                    + "not allowed to set `patches.target` field: " + source);
        }
        for (JsonNode d : docs) {
            if (!d.isObject()) {
                throw new KustomizeException(source + ": patch must be a mapping or a JSON 6902 sequence");
            }
            applySmp(m, (ObjectNode) d, target, allowName, allowKind, source, file);
        }
    }

    static List<JsonNode> parse(String text, String source) {
        List<JsonNode> out = new ArrayList<>();
        try {
            for (YamlDocument d : YamlCodec.defaults().readDocuments(source, text)) {
                if (!d.tree().isNull()) {
                    out.add(d.tree());
                }
            }
        } catch (YamlException e) {
            throw new KustomizeException(e.getMessage(), e);
        }
        return out;
    }

    /** The operations of a JSON 6902 patch, checked as kustomize checks them when it reads the patch. */
    static JsonNode json6902(JsonNode ops, String file, String source) {
        if (ops == null || !ops.isArray()) {
            throw new KustomizeException(json6902Label(file, source) + " must be a list of operations");
        }
        if (ops.isEmpty()) {
            throw new KustomizeException(json6902Label(file, source) + " has no operations");
        }
        for (int i = 0; i < ops.size(); i++) {
            if (!ops.get(i).isObject()) {
                throw new KustomizeException(json6902Label(file, source) + ": operation " + i + " is not a mapping");
            }
        }
        return ops;
    }

    private static String json6902Label(String file, String source) {
        return source.equals(file) ? file + ": inline JSON patch" : file + ": JSON patch " + source;
    }

    static void applyJson(KResource r, JsonNode ops, String file, String source) {
        Rid before = r.curId();
        JsonNode result;
        try {
            // in place: the object is ours, and a failed patch ends the build
            result = JsonPatch.applyLikeKubectlInPlace(r.obj, ops);
        } catch (DiffException e) {
            throw new KustomizeException(json6902Label(file, source) + " on " + before + ": " + detail(e), e);
        }
        if (!result.isObject()) {
            throw new KustomizeException(json6902Label(file, source) + " turned " + before + " into a non-object");
        }
        ObjectNode after = (ObjectNode) result;
        String name = after.path("metadata").path("name").asText("");
        if (name.isEmpty() && !before.name().isEmpty()) {
            throw new KustomizeException(json6902Label(file, source) + " on " + before + ": the result has no metadata.name");
        }
        if (!name.equals(before.name()) || !after.path("kind").asText("").equals(before.kind())) {
            r.prevIds.add(before);
        }
        r.obj = after;
    }

    /** The diff module's message without its "JSON patch apply: PATH: " prefix, which ours replaces. */
    private static String detail(DiffException e) {
        String msg = e.getMessage();
        String prefix = e.operation() + ": " + (e.path().isEmpty() ? "" : e.path() + ": ");
        return msg.startsWith(prefix) ? msg.substring(prefix.length()) : msg;
    }

    static void applySmp(ResourceList m, ObjectNode patch, Selector target, boolean allowName, boolean allowKind,
                         String source, String file) {
        List<KResource> targets;
        if (target == null) {
            String av = patch.path("apiVersion").asText("");
            String kind = patch.path("kind").asText("");
            String name = patch.path("metadata").path("name").asText("");
            String ns = patch.path("metadata").path("namespace").asText("");
            Rid id = Rid.of(av, kind, name, ns);
            targets = m.matchingAnyId(id::sameAs, id.name());
            if (targets.isEmpty()) {
                throw new PatchTargetNotFoundException(file, id.toString());
            }
            if (targets.size() > 1) {
                throw new KustomizeException(file + ": patches: multiple matches for Id " + id + "; failed to find unique target for patch " + id);
            }
        } else {
            targets = m.select(target);
        }
        for (KResource r : targets) {
            ObjectNode copy = patch.deepCopy();
            copy.put("apiVersion", r.apiVersion());
            if (!copy.has("kind")) {
                copy.put("kind", r.kind());
            }
            smp(m, r, copy, allowName, allowKind);
        }
    }

    /** Merges one patch into one object; removes the object when the patch deletes it. */
    static void smp(ResourceList m, KResource r, ObjectNode patch, boolean allowName, boolean allowKind) {
        String name = r.name();
        String ns = r.namespace();
        String kind = r.kind();
        if (allowName || allowKind) {
            r.storePreviousId();
        }
        ObjectNode merged = StrategicMerge.merge(r.obj, patch, m.schemaFor(r, patch.path("kind").asText(kind)));
        if (merged == null || merged.isEmpty()) {
            m.remove(r);
            return;
        }
        r.obj = merged;
        if (!allowKind) {
            r.obj.put("kind", kind);
        }
        if (!allowName) {
            r.setName(name);
        }
        r.setNamespace(ns);
    }

    /** A {@code patchesJson6902} entry: target plus path or inline patch (YAML or JSON). */
    static void applyJson6902Entry(ResourceList m, JsonNode entry, FileLoader loader, String file) {
        if (!entry.hasNonNull("target")) {
            throw new KustomizeException(file + ": patchesJson6902: must specify a target");
        }
        String text;
        String source;
        if (entry.hasNonNull("path")) {
            source = loader.resolve(entry.get("path").asText());
            text = loader.readString(entry.get("path").asText());
        } else {
            source = file;
            text = entry.path("patch").asText("");
        }
        List<JsonNode> docs = parse(text, source);
        JsonNode ops = json6902(docs.isEmpty() ? JsonNodeFactory.instance.arrayNode() : docs.get(0), file, source);
        for (KResource r : m.select(Selector.from(entry.get("target")))) {
            applyJson(r, ops, file, source);
        }
    }
}
