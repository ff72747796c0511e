package dev.kelpie.testkit.internal.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.core.backend.DeleteOptions;
import dev.kelpie.core.backend.DeleteOptions.Propagation;
import dev.kelpie.core.model.Resource;
import dev.kelpie.core.model.ResourceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Deletion as the API server and the garbage collector do it, synchronously: finalizers hold an
 * object with a deletionTimestamp until they are removed; background propagation deletes
 * dependents (by ownerReferences uid) after the owner; foreground keeps the owner (finalizer
 * {@code foregroundDeletion}) until its dependents are gone; orphan strips the owner reference
 * from dependents. Deleting a Namespace deletes its contents first. Runs under the cluster lock.
 */
public final class Deletion {
    static final String FOREGROUND = "foregroundDeletion";
    static final String ORPHAN = "orphan";
    private final ClusterState state;

    public Deletion(ClusterState state) {
        this.state = state;
    }

    public Optional<Resource> delete(ResourceId requested, DeleteOptions o) {
        ResourceId id = state.checkKind(requested);
        Resource r = state.store.get(id);
        if (r == null) {
            return Optional.empty();
        }
        if (o.dryRun()) {
            return Optional.of(r);
        }
        List<String> finalizers = finalizers(r);
        boolean hasDependents = !state.store.dependentsOf(uid(r)).isEmpty();
        if (o.propagation() == Propagation.FOREGROUND && hasDependents && !finalizers.contains(FOREGROUND)) {
            finalizers.add(FOREGROUND);
        }
        if (o.propagation() == Propagation.ORPHAN && hasDependents && !finalizers.contains(ORPHAN)) {
            finalizers.add(ORPHAN);
        }
        boolean namespace = id.group().isEmpty() && id.kind().equals("Namespace");
        if (finalizers.isEmpty() && !namespace) {
            Resource gone = state.removeNow(r);
            collectGarbage();
            return Optional.of(gone);
        }
        Resource marked = r;
        if (!r.unsafeTree().path("metadata").has("deletionTimestamp")) {
            ObjectNode obj = r.object();
            ObjectNode md = (ObjectNode) obj.get("metadata");
            md.put("deletionTimestamp", state.now());
            md.put("deletionGracePeriodSeconds", 0);
            setFinalizers(md, finalizers);
            if (namespace) {
                Defaulting.ensure(obj, "status").put("phase", "Terminating");
            }
            marked = state.commit(r, obj, managers(r), false);
        }
        collectGarbage();
        return Optional.of(state.store.get(id) != null ? state.store.get(id) : marked);
    }

    private static java.util.Map<String, dev.kelpie.testkit.internal.ssa.ManagedSet> managers(Resource r) {
        return dev.kelpie.testkit.internal.ssa.ManagedFieldsCodec.read(r.unsafeTree().path("metadata").path("managedFields"));
    }

    /** Called when an object with a deletionTimestamp has no finalizers left. */
    void remove(Resource r) {
        if (state.store.get(r.id()) != null) {
            state.removeNow(r);
            collectGarbage();
        }
    }

    /** Runs the garbage collector and namespace controller until nothing changes. */
    void collectGarbage() {
        boolean changed = true;
        int rounds = 0;
        while (changed && rounds++ < 10_000) {
            changed = false;
            for (Resource r : state.store.all()) {
                if (state.store.get(r.id()) == null) {
                    continue;
                }
                JsonNode md = r.unsafeTree().path("metadata");
                if (md.has("deletionTimestamp")) {
                    changed |= progress(r);
                } else if (md.path("ownerReferences").size() > 0 && ownersGone(md.path("ownerReferences"))) {
                    delete(r.id(), DeleteOptions.defaults());
                    changed = true;
                }
            }
        }
    }

    private boolean progress(Resource r) {
        List<String> finalizers = finalizers(r);
        Set<ResourceId> dependents = state.store.dependentsOf(uid(r));
        if (finalizers.contains(ORPHAN)) {
            for (ResourceId d : dependents) {
                Resource dep = state.store.get(d);
                if (dep != null) {
                    ObjectNode obj = dep.object();
                    ArrayNode refs = (ArrayNode) obj.path("metadata").path("ownerReferences");
                    for (int i = refs.size() - 1; i >= 0; i--) {
                        if (refs.get(i).path("uid").asText().equals(uid(r))) {
                            refs.remove(i);
                        }
                    }
                    if (refs.isEmpty()) {
                        ((ObjectNode) obj.get("metadata")).remove("ownerReferences");
                    }
                    state.commit(dep, obj, managers(dep), false);
                }
            }
            return dropFinalizer(r, ORPHAN);
        }
        if (finalizers.contains(FOREGROUND)) {
            boolean any = false;
            for (ResourceId d : dependents) {
                Resource dep = state.store.get(d);
                if (dep != null && !dep.unsafeTree().path("metadata").has("deletionTimestamp")) {
                    delete(d, DeleteOptions.defaults().withPropagation(Propagation.FOREGROUND));
                    any = true;
                }
            }
            if (state.store.dependentsOf(uid(r)).isEmpty()) {
                return dropFinalizer(r, FOREGROUND);
            }
            return any;
        }
        if (r.id().group().isEmpty() && r.kind().equals("Namespace")) {
            return progressNamespace(r);
        }
        return false;
    }

    private boolean progressNamespace(Resource ns) {
        boolean any = false;
        boolean remaining = false;
        for (Resource r : state.store.all()) {
            if (r.namespace().equals(ns.name()) && state.store.get(r.id()) != null) {
                remaining = true;
                if (!r.unsafeTree().path("metadata").has("deletionTimestamp")) {
                    delete(r.id(), DeleteOptions.defaults());
                    any = true;
                }
            }
        }
        if (!remaining || nothingLeftIn(ns.name())) {
            List<String> f = finalizers(ns);
            if (f.isEmpty()) {
                state.removeNow(ns);
                return true;
            }
        }
        return any;
    }

    private boolean nothingLeftIn(String namespace) {
        return state.store.all().stream().noneMatch(r -> r.namespace().equals(namespace));
    }

    private boolean dropFinalizer(Resource r, String finalizer) {
        ObjectNode obj = r.object();
        List<String> f = finalizers(r);
        f.remove(finalizer);
        setFinalizers((ObjectNode) obj.get("metadata"), f);
        state.commit(r, obj, managers(r), false);
        return true;
    }

    private boolean ownersGone(JsonNode refs) {
        for (JsonNode ref : refs) {
            if (state.store.byUid(ref.path("uid").asText()) != null) {
                return false;
            }
        }
        return true;
    }

    static String uid(Resource r) {
        return r.unsafeTree().path("metadata").path("uid").asText();
    }

    static List<String> finalizers(Resource r) {
        List<String> out = new ArrayList<>();
        r.unsafeTree().path("metadata").path("finalizers").forEach(f -> out.add(f.asText()));
        return out;
    }

    private static void setFinalizers(ObjectNode md, List<String> finalizers) {
        if (finalizers.isEmpty()) {
            md.remove("finalizers");
        } else {
            ArrayNode a = md.putArray("finalizers");
            finalizers.forEach(a::add);
        }
    }
}
