package dev.kelpie.kustomize.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code images:} transformer: rewrites container images by name, in every
 * {@code containers}/{@code initContainers} list of any object, and in the listed fields.
 */
final class ImageTransformer {
    /** One {@code images:} entry. */
    record ImageTag(String name, String newName, String newTag, String digest) {
        static ImageTag from(JsonNode n) {
            return new ImageTag(ci(n, "name"), ci(n, "newName"), ci(n, "newTag"), ci(n, "digest"));
        }

        /** A field matched case-insensitively, as Go's JSON decoder matches it. */
        private static String ci(JsonNode n, String field) {
            var it = n.fields();
            while (it.hasNext()) {
                var e = it.next();
                if (e.getKey().equalsIgnoreCase(field) && !e.getValue().isNull()) {
                    return e.getValue().asText();
                }
            }
            return "";
        }
    }

    private ImageTransformer() {
    }

    static void apply(ResourceList m, ImageTag tag, List<FieldSpec> specs) {
        Pattern match = Pattern.compile("^" + tag.name() + "(@sha256)?(:[a-zA-Z0-9_.{}-]*)?$");
        for (KResource r : m) {
            walkContainers(r.obj, tag, match);
            for (FieldSpec fs : specs) {
                if (!fs.appliesTo(r)) {
                    continue;
                }
                FieldPaths.apply(r.obj, new FieldSpec(fs.gvk(), fs.path(), false), FieldPaths.CreateKind.NONE,
                        v -> v != null && v.isTextual() ? TextNode.valueOf(update(v.asText(), tag, match)) : v);
            }
        }
    }

    private static void walkContainers(JsonNode n, ImageTag tag, Pattern match) {
        if (n.isObject()) {
            for (Map.Entry<String, JsonNode> e : iterable(n)) {
                String k = e.getKey();
                JsonNode v = e.getValue();
                if ((k.equals("containers") || k.equals("initContainers")) && v.isArray()) {
                    for (JsonNode c : v) {
                        JsonNode img = c.get("image");
                        if (c.isObject() && img != null && img.isTextual()) {
                            ((ObjectNode) c).put("image", update(img.asText(), tag, match));
                        }
                    }
                } else {
                    walkContainers(v, tag, match);
                }
            }
        } else if (n.isArray()) {
            n.forEach(e -> walkContainers(e, tag, match));
        }
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode n) {
        return n::fields;
    }

    static String update(String image, ImageTag t, Pattern match) {
        if (!match.matcher(image).matches()) {
            return image;
        }
        String[] parts = split(image);
        String name = parts[0];
        String tag = parts[1];
        String digest = parts[2];
        if (!t.newName().isEmpty()) {
            name = t.newName();
        }
        if (!t.newTag().isEmpty() && !t.digest().isEmpty()) {
            tag = t.newTag();
            digest = t.digest();
        } else if (!t.newTag().isEmpty()) {
            tag = t.newTag();
            digest = "";
        } else if (!t.digest().isEmpty()) {
            tag = "";
            digest = t.digest();
        }
        return name + (tag.isEmpty() ? "" : ":" + tag) + (digest.isEmpty() ? "" : "@" + digest);
    }

    /** name, tag, digest of an image reference (a registry port is not a tag). */
    static String[] split(String image) {
        int slash = image.indexOf('/');
        int base = slash > 0 ? slash : 0;
        String search = image.substring(base);
        int id = search.indexOf('@');
        int ic = search.indexOf(':');
        if (ic < 0 && id < 0) {
            return new String[] {image, "", ""};
        }
        if (id >= 0 && (id < ic || ic < 0)) {
            return new String[] {image.substring(0, id + base), "", image.substring(id + base + 1)};
        }
        if (id >= 0) {
            return new String[] {image.substring(0, ic + base), image.substring(ic + base + 1, id + base),
                image.substring(id + base + 1)};
        }
        return new String[] {image.substring(0, ic + base), image.substring(ic + base + 1), ""};
    }
}
