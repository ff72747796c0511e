package dev.kelpie.testkit.internal.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kelpie.core.backend.ListQuery;
import dev.kelpie.core.model.Resource;
import dev.kelpie.core.model.ResourceId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.NavigableMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The objects of the in-memory cluster, indexed by id, by group-kind (sorted by namespace and
 * name, as the API server lists), by label, by uid and by owner uid. Not thread-safe; the
 * cluster guards it with its lock.
 */
final class ObjectStore {
    private final Map<ResourceId, Resource> byId = new HashMap<>();
    private final Map<String, TreeMap<String, Resource>> byKind = new HashMap<>();
    private final Map<String, Map<String, TreeMap<String, Resource>>> byLabel = new HashMap<>();
    private final Map<String, ResourceId> byUid = new HashMap<>();
    private final Map<String, Set<ResourceId>> byOwnerUid = new HashMap<>();

    static String groupKind(String group, String kind) {
        return group + "/" + kind;
    }

    Resource get(ResourceId id) {
        return byId.get(id);
    }

    ResourceId byUid(String uid) {
        return byUid.get(uid);
    }

    int size() {
        return byId.size();
    }

    Collection<Resource> all() {
        return List.copyOf(byId.values());
    }

    /** Ids of objects naming {@code uid} among their owner references. */
    Set<ResourceId> dependentsOf(String uid) {
        return Set.copyOf(byOwnerUid.getOrDefault(uid, Set.of()));
    }

    void put(Resource r) {
        Resource old = byId.get(r.id());
        if (old != null) {
            unindex(old);
        }
        byId.put(r.id(), r);
        index(r);
    }

    Resource remove(ResourceId id) {
        Resource old = byId.remove(id);
        if (old != null) {
            unindex(old);
        }
        return old;
    }

    /** Sorts by namespace, then name, as the API server lists. */
    private static String sortKey(ResourceId id) {
        return id.namespace() + '\u0000' + id.name();
    }

    List<Resource> list(ListQuery q) {
        TreeMap<String, Resource> kind = byKind.get(groupKind(q.group(), q.kind()));
        if (kind == null) {
            return List.of();
        }
        NavigableMap<String, Resource> candidates = kind;
        Map<String, TreeMap<String, Resource>> labels = byLabel.get(groupKind(q.group(), q.kind()));
        for (Map.Entry<String, String> sel : q.labelSelector().entrySet()) {
            TreeMap<String, Resource> withLabel = labels == null ? null : labels.get(sel.getKey() + "=" + sel.getValue());
            if (withLabel == null) {
                return List.of();
            }
            if (withLabel.size() < candidates.size()) {
                candidates = withLabel;
            }
        }
        if (!q.namespace().isEmpty()) {
            candidates = candidates.subMap(q.namespace() + '\u0000', true, q.namespace() + '\u0001', false);
        }
        boolean checkLabels = q.labelSelector().size() > 1 || candidates == kind;
        List<Resource> out = new ArrayList<>(candidates.size());
        for (Resource r : candidates.values()) {
            if (!checkLabels || matches(r, q.labelSelector())) {
                out.add(r);
            }
        }
        return out;
    }

    private static boolean matches(Resource r, Map<String, String> selector) {
        if (selector.isEmpty()) {
            return true;
        }
        JsonNode labels = r.unsafeTree().path("metadata").path("labels");
        for (Map.Entry<String, String> e : selector.entrySet()) {
            JsonNode v = labels.get(e.getKey());
            if (v == null || !v.asText().equals(e.getValue())) {
                return false;
            }
        }
        return true;
    }

    private void index(Resource r) {
        String gk = groupKind(r.id().group(), r.kind());
        String key = sortKey(r.id());
        byKind.computeIfAbsent(gk, k -> new TreeMap<>()).put(key, r);
        Map<String, TreeMap<String, Resource>> labels = byLabel.computeIfAbsent(gk, k -> new HashMap<>());
        r.unsafeTree().path("metadata").path("labels").fields().forEachRemaining(e ->
                labels.computeIfAbsent(e.getKey() + "=" + e.getValue().asText(), k -> new TreeMap<>()).put(key, r));
        String uid = r.unsafeTree().path("metadata").path("uid").asText("");
        if (!uid.isEmpty()) {
            byUid.put(uid, r.id());
        }
        for (JsonNode ref : r.unsafeTree().path("metadata").path("ownerReferences")) {
            byOwnerUid.computeIfAbsent(ref.path("uid").asText(""), k -> new HashSet<>()).add(r.id());
        }
    }

    private void unindex(Resource r) {
        String gk = groupKind(r.id().group(), r.kind());
        String key = sortKey(r.id());
        TreeMap<String, Resource> kind = byKind.get(gk);
        if (kind != null) {
            kind.remove(key);
        }
        Map<String, TreeMap<String, Resource>> labels = byLabel.get(gk);
        if (labels != null) {
            r.unsafeTree().path("metadata").path("labels").fields().forEachRemaining(e -> {
                String kv = e.getKey() + "=" + e.getValue().asText();
                TreeMap<String, Resource> keys = labels.get(kv);
                if (keys != null) {
                    keys.remove(key);
                    if (keys.isEmpty()) {
                        labels.remove(kv);
                    }
                }
            });
        }
        String uid = r.unsafeTree().path("metadata").path("uid").asText("");
        if (!uid.isEmpty() && r.id().equals(byUid.get(uid))) {
            byUid.remove(uid);
        }
        for (JsonNode ref : r.unsafeTree().path("metadata").path("ownerReferences")) {
            Set<ResourceId> deps = byOwnerUid.get(ref.path("uid").asText(""));
            if (deps != null) {
                deps.remove(r.id());
            }
        }
    }
}
