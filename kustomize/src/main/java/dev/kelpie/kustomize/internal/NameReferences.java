package dev.kelpie.kustomize.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.kelpie.kustomize.KustomizeException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Fixes references by name after renames (prefix, suffix, hash, namespace): every field the
 * name-reference table lists follows the object it names, found by its earlier names and
 * narrowed by kind, namespace and the prefixes and suffixes applied (kustomize's nameref).
 */
final class NameReferences {
    private final ResourceList m;
    private final TransformerConfig config;
    /** Ids do not change while references are fixed (only referring fields do), so they are read once. */
    private final java.util.IdentityHashMap<KResource, Rid> curIds = new java.util.IdentityHashMap<>();
    private final java.util.IdentityHashMap<KResource, List<Rid>> allIds = new java.util.IdentityHashMap<>();
    /** Objects by every name they have had. */
    private final java.util.Map<String, List<KResource>> byAnyName = new java.util.HashMap<>();

    private NameReferences(ResourceList m, TransformerConfig config) {
        this.m = m;
        this.config = config;
        for (KResource r : m) {
            List<Rid> ids = r.allIds();
            allIds.put(r, ids);
            curIds.put(r, ids.get(ids.size() - 1));
            Set<String> names = new HashSet<>();
            ids.forEach(id -> names.add(id.name()));
            names.forEach(n -> byAnyName.computeIfAbsent(n, k -> new ArrayList<>()).add(r));
        }
    }

    static void fix(ResourceList m, TransformerConfig config) {
        new NameReferences(m, config).run();
    }

    /** One referring field of the table with the referral it names, in the table's order. */
    private record Referrer(TransformerConfig.NameBackRef back, FieldSpec field) {
    }

    /** The referring fields that can apply to a kind, in table order (most objects match only a few). */
    private final java.util.Map<String, List<Referrer>> referrersByKind = new java.util.HashMap<>();

    private List<Referrer> referrersFor(String kind) {
        return referrersByKind.computeIfAbsent(kind, k -> {
            List<Referrer> out = new ArrayList<>();
            for (TransformerConfig.NameBackRef back : config.nameReference) {
                for (FieldSpec fs : back.referrers()) {
                    if (fs.gvk().kind().isEmpty() || fs.gvk().kind().equals(k)) {
                        out.add(new Referrer(back, fs));
                    }
                }
            }
            return out;
        });
    }

    private void run() {
        for (KResource referrer : new ArrayList<>(m.items)) {
            Predicate<KResource> candidates = null;
            Rid org = allIds.get(referrer).get(0);
            for (Referrer ref : referrersFor(org.kind())) {
                FieldSpec fs = ref.field();
                if (!fs.gvk().selects(org)) {
                    continue;
                }
                if (candidates == null) {
                    candidates = couldBeReferenced(referrer);
                }
                Predicate<KResource> c = candidates;
                // CreateKind.NONE: a reference field that is absent stays absent
                FieldPaths.apply(referrer.obj, fs, FieldPaths.CreateKind.NONE,
                        v -> set(v, referrer, fs, ref.back().referral(), c));
            }
        }
    }

    private JsonNode set(JsonNode node, KResource referrer, FieldSpec fs, Gvk target, Predicate<KResource> candidates) {
        if (node == null || node.isNull()) {
            return node;
        }
        if (node.isTextual()) {
            KResource r = select(node.asText(), candidates, referrer, fs, target, false);
            return r == null ? node : TextNode.valueOf(r.name());
        }
        if (node.isObject()) {
            setMapping((ObjectNode) node, referrer, fs, target, candidates);
            return node;
        }
        if (node.isArray()) {
            ArrayNode a = (ArrayNode) node;
            for (int i = 0; i < a.size(); i++) {
                JsonNode e = a.get(i);
                if (e.isTextual()) {
                    KResource r = select(e.asText(), candidates, referrer, fs, target, false);
                    if (r != null) {
                        a.set(i, TextNode.valueOf(r.name()));
                    }
                } else if (e.isObject()) {
                    setMapping((ObjectNode) e, referrer, fs, target, candidates);
                }
            }
            return node;
        }
        return node;
    }

    private void setMapping(ObjectNode node, KResource referrer, FieldSpec fs, Gvk target, Predicate<KResource> candidates) {
        JsonNode nameNode = node.get("name");
        if (nameNode == null) {
            throw new KustomizeException("updating name reference in '" + fs.path() + "' field of '" + referrer.curId()
                    + "': path config error; no 'name' field in node");
        }
        if (node.has("kind") && !target.kind().isEmpty() && !node.path("kind").asText().equals(target.kind())) {
            return;
        }
        String oldName = nameNode.asText();
        Predicate<KResource> byNs = candidates;
        JsonNode nsNode = node.get("namespace");
        if (nsNode != null) {
            String ns = nsNode.asText();
            boolean anyOrg = m.items.stream().anyMatch(r -> candidates.test(r)
                    && allIds.get(r).get(0).effectiveNamespace().equals(ns));
            byNs = anyOrg ? candidates.and(r -> allIds.get(r).get(0).effectiveNamespace().equals(ns))
                    : candidates.and(r -> curIds.get(r).effectiveNamespace().equals(ns));
        }
        KResource r = select(oldName, byNs, referrer, fs, target, true);
        if (r == null || (r.name().equals(oldName) && r.namespace().isEmpty())) {
            return;
        }
        node.put("name", r.name());
        if (!r.namespace().isEmpty()) {
            node.put("namespace", r.namespace());
        }
    }

    private KResource select(String oldName, Predicate<KResource> candidates, KResource referrer, FieldSpec fs,
                             Gvk target, boolean withNamespace) {
        List<KResource> c = filter(byAnyName.getOrDefault(oldName, List.of()), candidates);
        c = filter(c, r -> allIds.get(r).stream().anyMatch(target::selects));
        if (fs.path().endsWith("roleRef/name")) {
            JsonNode roleRef = referrer.obj.get("roleRef");
            if (roleRef != null && roleRef.has("apiGroup") && roleRef.has("kind")) {
                Gvk rr = new Gvk(roleRef.get("apiGroup").asText(), "", roleRef.get("kind").asText());
                c = filter(c, r -> allIds.get(r).stream().anyMatch(rr::selects));
            }
        }
        Rid ref = curIds.get(referrer);
        if (!ref.isClusterScoped()) {
            c = filter(c, r -> curIds.get(r).isClusterScoped() || r.kind().equals("ServiceAccount")
                    || ref.sameNamespace(curIds.get(r)));
        }
        if (c.size() == 1) {
            return c.get(0);
        }
        c = filter(c, r -> sameEnding(r.prefixes, referrer.prefixes) && sameEnding(r.suffixes, referrer.suffixes));
        if (c.size() == 1) {
            return c.get(0);
        }
        if (c.isEmpty()) {
            return null;
        }
        Set<String> distinct = new HashSet<>();
        c.forEach(r -> distinct.add(withNamespace ? r.name() + "|" + r.namespace() : r.name()));
        if (distinct.size() == 1) {
            return c.get(0);
        }
        throw new KustomizeException("updating name reference in '" + fs.path() + "' field of '" + referrer.curId()
                + "':  found multiple possible referrals: " + c.stream().map(r -> r.curId().toString()).toList());
    }

    /** Whether the shorter list is the tail of the longer one (both empty counts; one empty does not). */
    static boolean sameEnding(List<String> a, List<String> b) {
        List<String> shortest = a.size() <= b.size() ? a : b;
        List<String> longest = a.size() <= b.size() ? b : a;
        int diff = longest.size() - shortest.size();
        if (shortest.isEmpty()) {
            return diff == 0;
        }
        for (int i = shortest.size() - 1; i >= 0; i--) {
            if (!longest.get(i + diff).equals(shortest.get(i))) {
                return false;
            }
        }
        return true;
    }

    private Predicate<KResource> couldBeReferenced(KResource referrer) {
        Rid ref = curIds.get(referrer);
        if (ref.isClusterScoped()) {
            return r -> true;
        }
        Set<String> rbNamespaces = new HashSet<>();
        if (referrer.kind().equals("RoleBinding")) {
            JsonNode subjects = referrer.obj.get("subjects");
            if (subjects != null && subjects.isArray()) {
                for (JsonNode s : subjects) {
                    if (s.has("namespace") && !s.get("namespace").isTextual()) {
                        throw new KustomizeException("Invalid Input: namespace is blank for resource \"" + ref + "\"");
                    }
                    if (s.has("namespace") && "ServiceAccount".equals(s.path("kind").asText())) {
                        rbNamespaces.add(s.get("namespace").asText());
                    }
                }
            }
        }
        return r -> {
            Rid id = curIds.get(r);
            return id.isClusterScoped() || id.sameNamespace(ref) || rbNamespaces.contains(id.namespace());
        };
    }

    private static List<KResource> filter(List<KResource> in, Predicate<KResource> p) {
        List<KResource> out = new ArrayList<>();
        for (KResource r : in) {
            if (p.test(r)) {
                out.add(r);
            }
        }
        return out;
    }
}
