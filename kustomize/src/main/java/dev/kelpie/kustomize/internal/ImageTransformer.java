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
        apply(m, List.of(tag), specs);
    }

    /** Applies the entries in order, visiting each object once: the same as one pass per entry. */
    static void apply(ResourceList m, List<ImageTag> tags, List<FieldSpec> specs) {
        if (tags.isEmpty()) {
            return;
        }
        List<NameMatch> matches = new java.util.ArrayList<>();
        for (ImageTag tag : tags) {
            matches.add(NameMatch.of(tag.name()));
        }
        java.util.function.UnaryOperator<String> all = image -> {
            String v = image;
            for (int i = 0; i < tags.size(); i++) {
                v = update(v, tags.get(i), matches.get(i));
            }
            return v;
        };
        List<FieldSpec> noCreate = new java.util.ArrayList<>();
        specs.forEach(fs -> noCreate.add(new FieldSpec(fs.gvk(), fs.path(), false)));
        for (KResource r : m) {
            walkContainers(r.obj, all);
            for (FieldSpec fs : noCreate) {
                if (fs.appliesTo(r)) {
                    FieldPaths.apply(r.obj, fs, FieldPaths.CreateKind.NONE,
                            v -> v != null && v.isTextual() ? TextNode.valueOf(all.apply(v.asText())) : v);
                }
            }
        }
    }

    private static void walkContainers(JsonNode n, java.util.function.UnaryOperator<String> all) {
        if (n.isObject()) {
            for (Map.Entry<String, JsonNode> e : iterable(n)) {
                String k = e.getKey();
                JsonNode v = e.getValue();
                if ((k.equals("containers") || k.equals("initContainers")) && v.isArray()) {
                    for (JsonNode c : v) {
                        JsonNode img = c.get("image");
                        if (c.isObject() && img != null && img.isTextual()) {
                            ((ObjectNode) c).put("image", all.apply(img.asText()));
                        }
                    }
                } else if (v.isContainerNode()) {
                    walkContainers(v, all);
                }
            }
        } else if (n.isArray()) {
            n.forEach(e -> {
                if (e.isContainerNode()) {
                    walkContainers(e, all);
                }
            });
        }
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode n) {
        return n::fields;
    }

    /**
     * kustomize's image match: the entry's name is a regex, followed by an optional
     * {@code @sha256} and {@code :tag}. Most names are plain image names whose only regex
     * character is {@code .}; those are first compared character by character, which rejects
     * the many non-matching images of a large overlay without running the regex.
     */
    record NameMatch(String name, boolean plain, Pattern regex) {
        private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_/:.-]*");

        static NameMatch of(String name) {
            return new NameMatch(name, PLAIN.matcher(name).matches(),
                    Pattern.compile("^" + name + "(@sha256)?(:[a-zA-Z0-9_.{}-]*)?$"));
        }

        boolean matches(String image) {
            if (plain) {
                int n = name.length();
                if (image.length() < n) {
                    return false;
                }
                for (int i = 0; i < n; i++) {
                    char c = name.charAt(i);
                    if (c != '.' && c != image.charAt(i)) {
                        return false;
                    }
                }
                if (image.length() > n && image.charAt(n) != '@' && image.charAt(n) != ':') {
                    return false;
                }
            }
            return regex.matcher(image).matches();
        }
    }

    static String update(String image, ImageTag t, NameMatch match) {
        if (!match.matches(image)) {
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
