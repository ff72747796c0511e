package dev.kelpie.testkit.internal.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.core.backend.ApiException;
import dev.kelpie.core.backend.ApiException.Reason;
import dev.kelpie.core.backend.ListQuery;
import dev.kelpie.core.backend.WatchEvent;
import dev.kelpie.core.backend.WriteOptions;
import dev.kelpie.core.model.Origin;
import dev.kelpie.core.model.Resource;
import dev.kelpie.core.model.ResourceId;
import dev.kelpie.testkit.internal.ssa.FieldOwnership;
import dev.kelpie.testkit.internal.ssa.KubernetesShape;
import dev.kelpie.testkit.internal.ssa.ManagedFieldsCodec;
import dev.kelpie.testkit.internal.ssa.ManagedSet;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The state of the in-memory cluster and its write path: kind and namespace checks, server
 * fields (uid, resourceVersion, generation, creationTimestamp, managedFields), defaulting,
 * immutable fields, commit with a watch event. Verbs with their own rules live beside it
 * ({@link ServerSideApply}, {@link Deletion}, {@link SimulatedControllers}). Not thread-safe:
 * every method runs under the cluster's lock.
 */
public final class ClusterState {
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final dev.kelpie.diff.PatchMetadata PATCH_METADATA = dev.kelpie.diff.PatchMetadata.builtIn();
    private final Map<String, FieldOwnership> ownershipByKind = new java.util.HashMap<>();

    final ObjectStore store = new ObjectStore();
    final ServedKinds kinds = new ServedKinds();
    final WatchHub watches;
    final Clock clock;
    final Random random;
    private long resourceVersion;
    private int nextIp = 1;
    private int nextNodePort = 30000;
    private Deletion deletion;
    private SimulatedControllers controllers;

    public ClusterState(Clock clock, long seed, int watchHistory) {
        this.clock = clock;
        this.random = new Random(seed);
        this.watches = new WatchHub(watchHistory);
    }

    void attach(Deletion d, SimulatedControllers c) {
        this.deletion = d;
        this.controllers = c;
    }

    /** Field ownership with the list types and map keys of the object's kind. */
    FieldOwnership ownership(ResourceId id) {
        return ownershipByKind.computeIfAbsent(id.apiVersion() + "/" + id.kind(),
                k -> new FieldOwnership(KubernetesShape.of(PATCH_METADATA, id.group(), id.version(), id.kind())));
    }

    public ServedKinds discovery() {
        return kinds;
    }

    public WatchHub watchHub() {
        return watches;
    }

    long currentResourceVersion() {
        return resourceVersion;
    }

    void restoreResourceVersion(long rv) {
        resourceVersion = rv;
    }

    String now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    // ------------------------------------------------------------------ reads

    public Optional<Resource> get(ResourceId id) {
        return Optional.ofNullable(store.get(normalize(id)));
    }

    public List<Resource> list(ListQuery q) {
        return store.list(q);
    }

    public int size() {
        return store.size();
    }

    // ------------------------------------------------------------------ create / update

    public Resource create(Resource r, WriteOptions o) {
        ResourceId id = checkKind(r.id());
        ObjectNode obj = r.object();
        if (id.name().isEmpty()) {
            id = id.withName(obj.path("metadata").path("generateName").asText() + randomSuffix());
            ((ObjectNode) obj.get("metadata")).put("name", id.name());
        }
        if (store.get(id) != null) {
            throw new ApiException(Reason.ALREADY_EXISTS, id, resourceName(id) + " already exists");
        }
        checkNamespace(id);
        validateName(id);
        prepareRequest(id, obj);
        defaults(id, obj);
        Map<String, ManagedSet> managers = ownership(id).update(null, ownedPart(id, obj), id.apiVersion(), Map.of(),
                ManagedFieldsCodec.key(o.fieldManager(), false, "")).managers();
        stampNew(id, obj);
        return commit(null, obj, managers, o.dryRun());
    }

    public Resource update(Resource r, WriteOptions o) {
        ResourceId id = checkKind(r.id());
        Resource before = existing(id);
        ObjectNode obj = r.object();
        checkPreconditions(id, before, obj);
        prepareRequest(id, obj);
        return replace(before, obj, ManagedFieldsCodec.key(o.fieldManager(), false, ""), null, o.dryRun());
    }

    /**
     * Writes a new version of an existing object (from update, patch or apply): server fields
     * from the old version, defaults, immutable-field checks, generation, managedFields (given,
     * or computed as an update by {@code managerKey}).
     */
    Resource replace(Resource before, ObjectNode obj, String managerKey, Map<String, ManagedSet> managers, boolean dryRun) {
        ResourceId id = before.id();
        ObjectNode old = before.unsafeTree();
        ObjectNode md = (ObjectNode) obj.get("metadata");
        JsonNode oldMd = old.path("metadata");
        for (String f : new String[] {"uid", "creationTimestamp", "generation", "deletionTimestamp", "deletionGracePeriodSeconds"}) {
            if (oldMd.has(f)) {
                md.set(f, oldMd.get(f));
            }
        }
        if (kinds.hasStatusSubresource(id.group(), id.kind())) {
            obj.remove("status");
            if (old.has("status")) {
                obj.set("status", old.get("status"));
            }
        }
        if (id.group().isEmpty() && id.kind().equals("Service") && obj.path("spec").path("clusterIP").asText("").isEmpty()
                && old.path("spec").has("clusterIP") && obj.get("spec") instanceof ObjectNode spec) {
            // the server keeps an allocated clusterIP when an update leaves it out
            spec.set("clusterIP", old.path("spec").get("clusterIP"));
            spec.set("clusterIPs", old.path("spec").path("clusterIPs"));
        }
        defaults(id, obj);
        ImmutableFields.violation(id.group(), id.kind(), old, obj).ifPresent(v -> {
            throw new ApiException(Reason.INVALID, id, id.kind() + (id.group().isEmpty() ? "" : "." + id.group())
                    + " \"" + id.name() + "\" is invalid: " + v);
        });
        if (md.has("generation") && specChanged(old, obj)) {
            md.put("generation", md.get("generation").asInt() + 1);
        }
        Map<String, ManagedSet> table = managers != null ? managers
                : ownership(id).update(ownedPart(id, old), ownedPart(id, obj), obj.path("apiVersion").asText(),
                        ManagedFieldsCodec.read(oldMd.path("managedFields")), managerKey).managers();
        return commit(before, obj, table, dryRun);
    }

    /** Commits a status change by a controller (status subresource, manager kube-controller-manager). */
    Resource writeStatus(Resource before, ObjectNode status) {
        ObjectNode obj = before.object();
        obj.set("status", status);
        Map<String, ManagedSet> managers = ManagedFieldsCodec.read(obj.path("metadata").path("managedFields"));
        ObjectNode statusOnly = obj.objectNode();
        statusOnly.set("status", status);
        managers.put(ManagedFieldsCodec.key("kube-controller-manager", false, "status"), new ManagedSet(
                dev.kelpie.testkit.internal.ssa.TypedOps.toFieldSet(KubernetesShape.root(), statusOnly), before.apiVersion(), false));
        return commit(before, obj, managers, false);
    }

    /**
     * Stores a new version (or a first one) and records the watch event; with dry-run, returns
     * what would be stored. An unchanged object is returned as it was, without a new version.
     */
    Resource commit(Resource before, ObjectNode obj, Map<String, ManagedSet> managers, boolean dryRun) {
        ObjectNode md = (ObjectNode) obj.get("metadata");
        JsonNode previous = before == null ? null : before.unsafeTree().path("metadata").path("managedFields");
        Map<String, ManagedSet> beforeManagers = previous == null ? Map.of() : ManagedFieldsCodec.read(previous);
        md.set("managedFields", ManagedFieldsCodec.write(managers, beforeManagers, previous, now()));
        if (before != null) {
            md.put("resourceVersion", before.unsafeTree().path("metadata").path("resourceVersion").asText());
            if (before.unsafeTree().equals(obj)) {
                return before;
            }
        }
        if (dryRun) {
            return Resource.adopt(obj, Origin.UNKNOWN);
        }
        long rv = ++resourceVersion;
        md.put("resourceVersion", Long.toString(rv));
        // Frozen: compact and read-only, so a large cluster fits a small heap and nobody edits the store in place.
        Resource stored = Resource.adopt(obj, Origin.UNKNOWN).frozen();
        boolean finished = md.has("deletionTimestamp") && md.path("finalizers").isEmpty()
                && !(stored(obj).group().isEmpty() && stored(obj).kind().equals("Namespace"));
        store.put(stored);
        watches.record(rv, before == null ? WatchEvent.Type.ADDED : WatchEvent.Type.MODIFIED, stored);
        afterWrite(before, stored);
        if (finished) {
            deletion.remove(stored);
        }
        return stored;
    }

    private static ResourceId stored(ObjectNode obj) {
        return ResourceId.of(obj.path("apiVersion").asText(), obj.path("kind").asText(), "", "");
    }

    private void afterWrite(Resource before, Resource stored) {
        if (stored.id().group().equals("apiextensions.k8s.io") && stored.kind().equals("CustomResourceDefinition")
                && !stored.unsafeTree().path("metadata").has("deletionTimestamp")) {
            kinds.establish(stored);
            controllers.crdWritten(stored);
        }
        controllers.objectWritten(before, stored);
    }

    /** Removes an object for good, recording the DELETED event. */
    Resource removeNow(Resource r) {
        store.remove(r.id());
        long rv = ++resourceVersion;
        Resource gone = r.edit(t -> ((ObjectNode) t.get("metadata")).put("resourceVersion", Long.toString(rv)));
        watches.record(rv, WatchEvent.Type.DELETED, gone);
        if (r.id().group().equals("apiextensions.k8s.io") && r.kind().equals("CustomResourceDefinition")) {
            kinds.forget(r);
        }
        controllers.objectRemoved(gone);
        return gone;
    }

    // ------------------------------------------------------------------ checks and server fields

    /**
     * The id as the server sees it: a served kind, without namespace when cluster-scoped.
     *
     * @throws ApiException 404 "no matches for kind" when the cluster does not serve the kind
     */
    ResourceId checkKind(ResourceId id) {
        if (!kinds.serves(id.group(), id.version(), id.kind())) {
            throw new ApiException(Reason.NOT_FOUND, id, "no matches for kind \"" + id.kind() + "\" in version \""
                    + id.apiVersion() + "\" (ensure CRDs are installed first)");
        }
        return normalize(id);
    }

    ResourceId normalize(ResourceId id) {
        Optional<Boolean> ns = kinds.isNamespaced(id.group(), id.kind());
        return ns.isPresent() && !ns.get() && !id.namespace().isEmpty() ? id.withNamespace("") : id;
    }

    void checkNamespace(ResourceId id) {
        if (!kinds.isNamespaced(id.group(), id.kind()).orElse(true)) {
            return;
        }
        if (id.namespace().isEmpty()) {
            throw new ApiException(Reason.INVALID, id, "metadata.namespace: Required value: " + id.kind() + " is namespaced");
        }
        Resource ns = store.get(ResourceId.of("", "v1", "Namespace", "", id.namespace()));
        if (ns == null) {
            throw new ApiException(Reason.NOT_FOUND, id, "namespaces \"" + id.namespace() + "\" not found");
        }
        if (ns.unsafeTree().path("metadata").has("deletionTimestamp")) {
            throw new ApiException(Reason.FORBIDDEN, id, "unable to create new content in namespace " + id.namespace()
                    + " because it is being terminated");
        }
    }

    private static void validateName(ResourceId id) {
        if (id.name().length() > 253 || !DNS_SUBDOMAIN.matcher(id.name()).matches()) {
            throw new ApiException(Reason.INVALID, id, "metadata.name: Invalid value: \"" + id.name()
                    + "\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.'");
        }
    }

    Resource existing(ResourceId id) {
        Resource before = store.get(id);
        if (before == null) {
            throw new ApiException(Reason.NOT_FOUND, id, resourceName(id) + " not found");
        }
        return before;
    }

    /** Optimistic concurrency and uid preconditions of a write carrying them. */
    void checkPreconditions(ResourceId id, Resource before, JsonNode obj) {
        String rv = obj.path("metadata").path("resourceVersion").asText("");
        String liveRv = before.unsafeTree().path("metadata").path("resourceVersion").asText();
        if (!rv.isEmpty() && !rv.equals(liveRv)) {
            throw new ApiException(Reason.CONFLICT, id, "Operation cannot be fulfilled on " + resourceName(id)
                    + ": the object has been modified; please apply your changes to the latest version and try again"
                    + " (resourceVersion " + rv + ", live " + liveRv + ")");
        }
        String uid = obj.path("metadata").path("uid").asText("");
        String liveUid = before.unsafeTree().path("metadata").path("uid").asText();
        if (!uid.isEmpty() && !uid.equals(liveUid)) {
            throw new ApiException(Reason.CONFLICT, id, "Precondition failed: UID in precondition: " + uid
                    + ", UID in object meta: " + liveUid);
        }
    }

    /** Drops what a client may not set (server fields, and status where it is a subresource). */
    void prepareRequest(ResourceId id, ObjectNode obj) {
        ObjectNode md = (ObjectNode) obj.get("metadata");
        for (String f : new String[] {"uid", "resourceVersion", "creationTimestamp", "generation", "managedFields",
                "deletionTimestamp", "deletionGracePeriodSeconds", "selfLink"}) {
            md.remove(f);
        }
        if (id.namespace().isEmpty()) {
            md.remove("namespace");
        }
        if (kinds.hasStatusSubresource(id.group(), id.kind())) {
            obj.remove("status");
        }
    }

    void stampNew(ResourceId id, ObjectNode obj) {
        ObjectNode md = (ObjectNode) obj.get("metadata");
        md.put("uid", new UUID(random.nextLong(), random.nextLong()).toString());
        md.put("creationTimestamp", now());
        if (BuiltInKinds.hasGeneration(id.group(), id.kind(), kinds.isCustom(id.group(), id.kind()))) {
            md.put("generation", 1);
        }
        if (id.group().isEmpty() && id.kind().equals("Namespace")) {
            obj.putObject("status").put("phase", "Active");
        }
    }

    void defaults(ResourceId id, ObjectNode obj) {
        Defaulting.apply(id.group(), id.kind(), obj, this::allocateClusterIp, this::allocateNodePort);
    }

    private String allocateClusterIp() {
        int n = nextIp++;
        return "10.96." + (n / 254) + "." + (n % 254 + 1);
    }

    private int allocateNodePort() {
        return nextNodePort++;
    }

    private String randomSuffix() {
        String alphabet = "bcdfghjklmnpqrstvwxz2456789";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    /** The part of an object field managers own: no identity, server fields or status subresource. */
    ObjectNode ownedPart(ResourceId id, ObjectNode obj) {
        ObjectNode o = obj.deepCopy();
        o.remove("apiVersion");
        o.remove("kind");
        if (kinds.hasStatusSubresource(id.group(), id.kind())) {
            o.remove("status");
        }
        if (o.get("metadata") instanceof ObjectNode md) {
            for (String f : new String[] {"name", "namespace", "uid", "resourceVersion", "creationTimestamp", "generation",
                    "managedFields", "deletionTimestamp", "deletionGracePeriodSeconds", "selfLink"}) {
                md.remove(f);
            }
            if (md.isEmpty()) {
                o.remove("metadata");
            }
        }
        return o;
    }

    /** Whether anything but metadata and status changed (what bumps metadata.generation). */
    static boolean specChanged(JsonNode before, JsonNode after) {
        ObjectNode a = before.deepCopy();
        ObjectNode b = after.deepCopy();
        for (ObjectNode o : new ObjectNode[] {a, b}) {
            o.remove("metadata");
            o.remove("status");
        }
        return !a.equals(b);
    }

    /** {@code deployments.apps "name"}, as the API server names an object in messages. */
    static String resourceName(ResourceId id) {
        String plural = id.kind().toLowerCase(Locale.ROOT);
        if (plural.endsWith("s") || plural.endsWith("x") || plural.endsWith("ch")) {
            plural = plural + "es";
        } else if (plural.endsWith("y") && !plural.endsWith("ey")) {
            plural = plural.substring(0, plural.length() - 1) + "ies";
        } else {
            plural = plural + "s";
        }
        return plural + (id.group().isEmpty() ? "" : "." + id.group()) + " \"" + id.name() + "\"";
    }

    Deletion deletion() {
        return deletion;
    }

    SimulatedControllers controllers() {
        return controllers;
    }
}
