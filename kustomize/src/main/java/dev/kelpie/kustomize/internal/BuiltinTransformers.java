package dev.kelpie.kustomize.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.kelpie.kustomize.KustomizeException;
import java.util.List;
import java.util.Map;

/**
 * The simple built-in transformers: namespace, name prefix and suffix, labels and annotations.
 * Each mutates the objects of one build in place, as kustomize's builtin plugins do.
 */
final class BuiltinTransformers {
    private static final List<Gvk> NO_PREFIX = List.of(new Gvk("", "", "CustomResourceDefinition"),
            new Gvk("apiregistration.k8s.io", "", "APIService"), new Gvk("", "", "Namespace"));

    private BuiltinTransformers() {
    }

    /** Sets the namespace of namespaced objects and of the fields the namespace table lists. */
    static void namespace(ResourceList m, String ns, List<FieldSpec> specs, boolean unsetOnly, String subjectMode) {
        if (ns.isEmpty()) {
            return;
        }
        for (KResource r : m) {
            r.storePreviousId();
            Rid id = r.curId();
            if (!id.isClusterScoped()) {
                if (!unsetOnly || r.namespace().isEmpty()) {
                    r.setNamespace(ns);
                }
            }
            boolean roleBinding = r.kind().equals("RoleBinding") || r.kind().equals("ClusterRoleBinding");
            if (roleBinding) {
                JsonNode subjects = r.obj.get("subjects");
                if (subjects != null && subjects.isArray()) {
                    for (JsonNode s : subjects) {
                        boolean hit = switch (subjectMode) {
                            case "none" -> false;
                            case "allServiceAccounts" -> "ServiceAccount".equals(s.path("kind").asText(null));
                            default -> "default".equals(s.path("name").asText(null));
                        };
                        if (s.isObject() && hit && (!unsetOnly || s.path("namespace").asText("").isEmpty())) {
                            ((ObjectNode) s).put("namespace", ns);
                        }
                    }
                }
            }
            for (FieldSpec fs : specs) {
                if (fs.path().equals("metadata/namespace") || (roleBinding && fs.path().startsWith("subjects/"))
                        || !fs.appliesTo(r)) {
                    continue;
                }
                FieldPaths.apply(r.obj, fs, FieldPaths.CreateKind.SCALAR, v -> {
                    if (v != null && v.isContainerNode()) {
                        throw new KustomizeException("namespace field specs must target scalar nodes: considering field '"
                                + fs.path() + "' of object " + r.curId());
                    }
                    if (unsetOnly && v != null && !v.isNull() && !v.asText().isEmpty()) {
                        return v;
                    }
                    return TextNode.valueOf(ns);
                });
            }
        }
        java.util.Set<List<String>> seen = new java.util.HashSet<>();
        for (KResource r : m) {
            Rid id = r.curId();
            if (!seen.add(List.of(id.group(), id.version(), id.kind(), id.name(), id.effectiveNamespace()))) {
                throw new KustomizeException("namespace transformation produces ID conflict: " + id);
            }
        }
    }

    /** Adds a name prefix or suffix to metadata.name (and other listed fields). */
    static void affix(ResourceList m, String affix, List<FieldSpec> specs, boolean prefix) {
        for (KResource r : m) {
            Rid org = r.orgId();
            if (NO_PREFIX.stream().anyMatch(g -> g.selects(org))) {
                continue;
            }
            for (FieldSpec fs : specs) {
                if (!fs.gvk().selects(org)) {
                    continue;
                }
                if (fs.path().equals("metadata/name")) {
                    (prefix ? r.prefixes : r.suffixes).add(affix);
                    if (!affix.isEmpty()) {
                        r.storePreviousId();
                    }
                }
                if (affix.isEmpty()) {
                    continue;
                }
                FieldPaths.apply(r.obj, fs, FieldPaths.CreateKind.NONE, v -> {
                    if (v == null || !v.isTextual()) {
                        return v;
                    }
                    return TextNode.valueOf(prefix ? affix + v.asText() : v.asText() + affix);
                });
            }
        }
    }

    /** Sets string entries in the maps the field specs name (labels, annotations, selectors). */
    static void mapEntries(ResourceList m, Map<String, String> entries, List<FieldSpec> specs) {
        if (entries.isEmpty()) {
            return;
        }
        for (KResource r : m) {
            mapEntries(r, entries, specs);
        }
    }

    static void mapEntries(KResource r, Map<String, String> entries, List<FieldSpec> specs) {
        for (FieldSpec fs : specs) {
            if (!fs.appliesTo(r)) {
                continue;
            }
            FieldPaths.apply(r.obj, fs, FieldPaths.CreateKind.MAP, v -> {
                ObjectNode target;
                if (v == null || v.isNull()) {
                    target = JsonNodeFactory.instance.objectNode();
                } else if (v.isObject()) {
                    target = (ObjectNode) v;
                } else {
                    throw new KustomizeException(r.curId() + ": " + fs.path() + ": expected a mapping");
                }
                entries.forEach(target::put);
                return target;
            });
        }
    }
}
