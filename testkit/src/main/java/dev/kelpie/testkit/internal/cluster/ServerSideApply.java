package dev.kelpie.testkit.internal.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.core.backend.ApiException;
import dev.kelpie.core.backend.ApiException.Reason;
import dev.kelpie.core.backend.WriteOptions;
import dev.kelpie.core.model.Resource;
import dev.kelpie.core.model.ResourceId;
import dev.kelpie.testkit.internal.ssa.ApplyConflictException;
import dev.kelpie.testkit.internal.ssa.FieldOwnership;
import dev.kelpie.testkit.internal.ssa.ManagedFieldsCodec;
import dev.kelpie.testkit.internal.ssa.ManagedSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Server-side apply against the cluster state: merges the configuration into the live object
 * under field ownership, reports conflicts as 409 naming the managers and fields, drops fields
 * the manager stopped applying, then writes through the common path (defaults, immutable
 * fields, generation). Stateless; runs under the cluster's lock.
 */
public final class ServerSideApply {
    private final ClusterState state;

    public ServerSideApply(ClusterState state) {
        this.state = state;
    }

    public Resource apply(Resource config, WriteOptions o) {
        ResourceId id = state.checkKind(config.id());
        if (id.name().isEmpty()) {
            throw new ApiException(Reason.INVALID, id, "metadata.name: Required value: server-side apply needs a name");
        }
        ObjectNode request = config.object();
        String managerKey = ManagedFieldsCodec.key(o.fieldManager(), true, "");
        Resource before = state.store.get(id);
        if (before != null) {
            state.checkPreconditions(id, before, request);
        }
        state.prepareRequest(id, request);
        ObjectNode configPart = state.ownedPart(id, request);
        FieldOwnership.Outcome outcome;
        try {
            outcome = state.ownership(id).apply(before == null ? null : state.ownedPart(id, before.unsafeTree()),
                    configPart, id.apiVersion(),
                    before == null ? Map.of() : ManagedFieldsCodec.read(before.unsafeTree().path("metadata").path("managedFields")),
                    managerKey, o.force());
        } catch (ApplyConflictException e) {
            throw new ApiException(Reason.CONFLICT, id, describe(e));
        } catch (IllegalArgumentException e) {
            throw new ApiException(Reason.INVALID, id, e.getMessage());
        }
        ObjectNode merged = ((ObjectNode) outcome.object()).deepCopy();
        dropNulls(merged);
        merged.put("apiVersion", id.apiVersion());
        merged.put("kind", id.kind());
        ObjectNode md = Defaulting.ensure(merged, "metadata");
        md.put("name", id.name());
        if (!id.namespace().isEmpty()) {
            md.put("namespace", id.namespace());
        }
        ObjectNode ordered = reorder(merged);
        if (before == null) {
            state.checkNamespace(id);
            state.defaults(id, ordered);
            state.stampNew(id, ordered);
            return state.commit(null, ordered, outcome.managers(), o.dryRun());
        }
        return state.replace(before, ordered, managerKey, outcome.managers(), o.dryRun());
    }

    /** apiVersion, kind, metadata first, as the API server serialises objects. */
    private static ObjectNode reorder(ObjectNode o) {
        ObjectNode out = o.objectNode();
        for (String f : new String[] {"apiVersion", "kind", "metadata"}) {
            if (o.has(f)) {
                out.set(f, o.get(f));
            }
        }
        o.fields().forEachRemaining(e -> {
            if (!out.has(e.getKey())) {
                out.set(e.getKey(), e.getValue());
            }
        });
        return out;
    }

    /** The API server drops null values when it decodes into typed objects. */
    static void dropNulls(JsonNode n) {
        if (n instanceof ObjectNode o) {
            Iterator<Map.Entry<String, JsonNode>> it = o.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isNull()) {
                    it.remove();
                } else {
                    dropNulls(e.getValue());
                }
            }
        } else if (n != null && n.isArray()) {
            n.forEach(ServerSideApply::dropNulls);
        }
    }

    private static String describe(ApplyConflictException e) {
        List<String> lines = new ArrayList<>();
        new TreeMap<>(e.conflicts()).forEach((key, set) -> set.paths().forEach(p -> {
            StringBuilder b = new StringBuilder("conflict with \"").append(key.split("\\|")[0]).append("\"");
            if (key.contains("|Update")) {
                b.append(" using update");
            }
            b.append(": ");
            p.forEach(b::append);
            lines.add(b.toString());
        }));
        return "Apply failed with " + lines.size() + (lines.size() == 1 ? " conflict: " : " conflicts: ")
                + String.join("; ", lines);
    }
}
