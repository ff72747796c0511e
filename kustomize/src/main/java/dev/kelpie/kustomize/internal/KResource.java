package dev.kelpie.kustomize.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.core.model.Origin;
import java.util.ArrayList;
import java.util.List;

/**
 * One object during a build: its mutable tree plus the bookkeeping kustomize keeps beside it
 * (earlier ids for name references, applied prefixes and suffixes, generator options). Not
 * thread-safe; owned by one build.
 */
final class KResource {
    ObjectNode obj;
    final Origin origin;
    /** Ids this object had before renames, oldest first (kustomize's previous-names annotations). */
    final List<Rid> prevIds;
    final List<String> prefixes;
    final List<String> suffixes;
    /** A generated object whose name gets the content hash. */
    boolean needsHash;
    /** Generator behaviour: create, merge or replace; null for ordinary resources. */
    String behavior;
    /** Names of the vars that read their value from this object. */
    final List<String> varNames = new ArrayList<>();

    KResource(ObjectNode obj, Origin origin) {
        this(obj, origin, new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    }

    private KResource(ObjectNode obj, Origin origin, List<Rid> prevIds, List<String> prefixes, List<String> suffixes) {
        this.obj = obj;
        this.origin = origin;
        this.prevIds = prevIds;
        this.prefixes = prefixes;
        this.suffixes = suffixes;
    }

    KResource copy() {
        KResource c = new KResource(obj.deepCopy(), origin, new ArrayList<>(prevIds), new ArrayList<>(prefixes),
                new ArrayList<>(suffixes));
        c.needsHash = needsHash;
        c.behavior = behavior;
        // a deep copy shares the (immutable) value nodes, so the cached id stays valid for the copy
        c.id = id;
        c.idApiVersion = idApiVersion;
        c.idKind = idKind;
        c.idName = idName;
        c.idNamespace = idNamespace;
        c.varNames.addAll(varNames);
        return c;
    }

    String apiVersion() {
        return obj.path("apiVersion").asText("");
    }

    String group() {
        String av = apiVersion();
        int slash = av.indexOf('/');
        return slash < 0 ? "" : av.substring(0, slash);
    }

    String version() {
        String av = apiVersion();
        int slash = av.indexOf('/');
        return slash < 0 ? av : av.substring(slash + 1);
    }

    String kind() {
        return obj.path("kind").asText("");
    }

    String name() {
        JsonNode n = obj.path("metadata").path("name");
        return n.isNull() || n.isMissingNode() ? "" : n.asText();
    }

    String namespace() {
        JsonNode n = obj.path("metadata").path("namespace");
        return n.isNull() || n.isMissingNode() ? "" : n.asText();
    }

    ObjectNode metadata() {
        JsonNode md = obj.get("metadata");
        if (md == null || !md.isObject()) {
            ObjectNode created = JsonNodeFactory.instance.objectNode();
            obj.set("metadata", created);
            return created;
        }
        return (ObjectNode) md;
    }

    void setName(String name) {
        metadata().put("name", name);
    }

    void setNamespace(String ns) {
        if (ns.isEmpty()) {
            metadata().remove("namespace");
        } else {
            metadata().put("namespace", ns);
        }
    }

    /*
     * The last id computed and the nodes it was computed from. Jackson's value nodes are
     * immutable, so while the same four nodes sit in the tree the id cannot have changed; any
     * edit (setName, a patch, a replaced metadata) puts other nodes there. curId() runs for every
     * object in most steps, and rebuilding the id each time was a tenth of a cold build.
     */
    private JsonNode idApiVersion;
    private JsonNode idKind;
    private JsonNode idName;
    private JsonNode idNamespace;
    private Rid id;

    Rid curId() {
        JsonNode av = obj.get("apiVersion");
        JsonNode k = obj.get("kind");
        JsonNode md = obj.get("metadata");
        JsonNode n = md == null ? null : md.get("name");
        JsonNode ns = md == null ? null : md.get("namespace");
        if (id == null || av != idApiVersion || k != idKind || n != idName || ns != idNamespace) {
            id = Rid.of(apiVersion(), kind(), name(), namespace());
            idApiVersion = av;
            idKind = k;
            idName = n;
            idNamespace = ns;
        }
        return id;
    }

    /** The first id this object had. */
    Rid orgId() {
        return prevIds.isEmpty() ? curId() : prevIds.get(0);
    }

    /** Earlier ids followed by the current one. */
    List<Rid> allIds() {
        List<Rid> ids = new ArrayList<>(prevIds);
        ids.add(curId());
        return ids;
    }

    void storePreviousId() {
        prevIds.add(curId());
    }

    ObjectNode labels(boolean create) {
        return map("labels", create);
    }

    ObjectNode annotations(boolean create) {
        return map("annotations", create);
    }

    private ObjectNode map(String field, boolean create) {
        JsonNode m = obj.path("metadata").get(field);
        if (m != null && m.isObject()) {
            return (ObjectNode) m;
        }
        if (!create) {
            return null;
        }
        ObjectNode created = JsonNodeFactory.instance.objectNode();
        metadata().set(field, created);
        return created;
    }

    @Override
    public String toString() {
        return curId().toString();
    }
}
