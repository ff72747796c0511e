package dev.kelpie.testkit.internal.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.core.model.Resource;
import dev.kelpie.core.model.ResourceId;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Controllers simulated on the cluster's clock: a Deployment, ReplicaSet, StatefulSet or
 * DaemonSet whose generation changed reports progress at once and becomes ready after the
 * configured delay (or, when its rollout is marked failing, reports ProgressDeadlineExceeded
 * after progressDeadlineSeconds); a Job runs and completes (or fails) after the delay; a
 * PersistentVolumeClaim binds; a CRD is established. Due work runs when the cluster is called
 * or its {@code ManualClock} advances. Runs under the cluster's lock.
 */
public final class SimulatedControllers {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SimulatedControllers.class);
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private final ClusterState state;
    private final Duration readyDelay;
    private final int nodes;
    private final boolean enabled;
    private final Map<ResourceId, Instant> due = new LinkedHashMap<>();
    private final Set<ResourceId> failing = new HashSet<>();
    private boolean writing;
    private SealedSecretsController sealedSecrets;

    public SimulatedControllers(ClusterState state, Duration readyDelay, int nodes, boolean enabled) {
        this.state = state;
        this.readyDelay = readyDelay;
        this.nodes = nodes;
        this.enabled = enabled;
    }

    /** Turns SealedSecrets into Secrets from now on. */
    public void enableSealedSecrets(SealedSecretsController controller) {
        this.sealedSecrets = controller;
    }

    /** Marks the rollouts of an object as failing from now on (a bad image, say). */
    public void failRollout(ResourceId id) {
        failing.add(id);
        Resource r = state.store.get(id);
        if (r != null) {
            schedule(r);
        }
    }

    void crdWritten(Resource crd) {
        if (!enabled || writing || crd.unsafeTree().path("status").path("conditions").size() > 0) {
            return;
        }
        ObjectNode status = F.objectNode();
        ObjectNode names = crd.unsafeTree().path("spec").path("names").deepCopy();
        status.set("acceptedNames", names);
        ArrayNode conditions = status.putArray("conditions");
        conditions.add(condition("NamesAccepted", "True", "NoConflicts", "no conflicts found"));
        conditions.add(condition("Established", "True", "InitialNamesAccepted", "the initial names have been accepted"));
        status.set("storedVersions", F.arrayNode().add(storageVersion(crd)));
        write(crd, status);
    }

    private static String storageVersion(Resource crd) {
        for (JsonNode v : crd.unsafeTree().path("spec").path("versions")) {
            if (v.path("storage").asBoolean(false)) {
                return v.path("name").asText();
            }
        }
        return crd.unsafeTree().path("spec").path("versions").path(0).path("name").asText("v1");
    }

    void objectWritten(Resource before, Resource after) {
        if (!enabled || writing) {
            return;
        }
        try {
            react(after);
        } catch (RuntimeException malformed) {
            // a real controller fails on an object it cannot read, and the write itself stands
            LOG.warn("simulated controller skipped {}: {}", after.id(), malformed.toString());
        }
    }

    private void react(Resource after) {
        if (sealedSecrets != null && SealedSecretsController.isSealedSecret(after)) {
            writing = true;
            try {
                sealedSecrets.sealedSecretWritten(after);
            } finally {
                writing = false;
            }
            return;
        }
        String gk = after.id().group() + "/" + after.kind();
        JsonNode md = after.unsafeTree().path("metadata");
        long generation = md.path("generation").asLong(0);
        long observed = after.unsafeTree().path("status").path("observedGeneration").asLong(-1);
        switch (gk) {
            case "apps/Deployment", "apps/ReplicaSet", "apps/StatefulSet", "apps/DaemonSet", "batch/Job" -> {
                if (generation != observed && !md.has("deletionTimestamp")) {
                    if (gk.equals("apps/Deployment")) {
                        replicaSets(after);
                    }
                    progressing(after);
                    schedule(state.store.get(after.id()));
                }
            }
            case "/PersistentVolumeClaim" -> {
                if (!after.unsafeTree().path("status").has("phase")) {
                    ObjectNode status = F.objectNode().put("phase", "Pending");
                    write(after, status);
                    schedule(state.store.get(after.id()));
                }
            }
            default -> {
                // no controller for this kind
            }
        }
    }

    void objectRemoved(Resource gone) {
        due.remove(gone.id());
    }

    private void schedule(Resource r) {
        if (r == null) {
            return;
        }
        Duration delay = readyDelay;
        if (failing.contains(r.id()) && r.kind().equals("Deployment")) {
            delay = Duration.ofSeconds(r.unsafeTree().path("spec").path("progressDeadlineSeconds").asLong(600));
        }
        due.put(r.id(), state.clock.instant().plus(delay));
    }

    /** Runs the work that is due; returns whether anything changed. */
    public boolean catchUp() {
        if (!enabled || due.isEmpty()) {
            return false;
        }
        Instant now = state.clock.instant();
        boolean any = false;
        for (Map.Entry<ResourceId, Instant> e : new LinkedHashMap<>(due).entrySet()) {
            if (!e.getValue().isAfter(now)) {
                due.remove(e.getKey());
                Resource r = state.store.get(e.getKey());
                if (r != null) {
                    finish(r);
                    any = true;
                }
            }
        }
        return any;
    }

    /**
     * The Deployment controller's ReplicaSets: one per pod template, named after the template
     * hash and owned by the Deployment; the current one gets the Deployment's replicas, older
     * ones are scaled to zero.
     */
    private void replicaSets(Resource deployment) {
        JsonNode spec = deployment.unsafeTree().path("spec");
        String hash = hash(spec.path("template"));
        String uid = deployment.unsafeTree().path("metadata").path("uid").asText();
        int replicas = spec.path("replicas").asInt(1);
        for (ResourceId rsId : state.store.dependentsOf(uid)) {
            Resource rs = state.store.get(rsId);
            if (rs != null && rs.kind().equals("ReplicaSet") && !rs.name().endsWith("-" + hash)
                    && rs.unsafeTree().path("spec").path("replicas").asInt() != 0) {
                ObjectNode scaled = rs.object();
                scaled.with("spec").put("replicas", 0);
                state.prepareRequest(rsId, scaled);
                state.replace(rs, scaled, dev.kelpie.testkit.internal.ssa.ManagedFieldsCodec.key("kube-controller-manager", false, ""),
                        null, false);
            }
        }
        ResourceId id = ResourceId.of("apps", "v1", "ReplicaSet", deployment.namespace(), deployment.name() + "-" + hash);
        Resource existing = state.store.get(id);
        ObjectNode rs = F.objectNode();
        rs.put("apiVersion", "apps/v1").put("kind", "ReplicaSet");
        ObjectNode md = rs.putObject("metadata");
        md.put("name", id.name()).put("namespace", id.namespace());
        ObjectNode labels = spec.path("template").path("metadata").path("labels").isObject()
                ? spec.path("template").path("metadata").path("labels").deepCopy() : F.objectNode();
        labels.put("pod-template-hash", hash);
        md.set("labels", labels.deepCopy());
        md.putObject("annotations").put("deployment.kubernetes.io/revision",
                String.valueOf(deployment.unsafeTree().path("metadata").path("generation").asInt(1)));
        md.putArray("ownerReferences").addObject().put("apiVersion", "apps/v1").put("kind", "Deployment")
                .put("name", deployment.name()).put("uid", uid).put("controller", true).put("blockOwnerDeletion", true);
        ObjectNode rsSpec = rs.putObject("spec");
        rsSpec.put("replicas", replicas);
        ObjectNode selector = spec.path("selector").isObject() ? spec.path("selector").deepCopy() : F.objectNode();
        selector.with("matchLabels").put("pod-template-hash", hash);
        rsSpec.set("selector", selector);
        ObjectNode template = spec.path("template").deepCopy();
        template.with("metadata").set("labels", labels);
        rsSpec.set("template", template);
        dev.kelpie.core.backend.WriteOptions as = dev.kelpie.core.backend.WriteOptions.defaults().withFieldManager("kube-controller-manager");
        if (existing == null) {
            state.create(Resource.adopt(rs, deployment.origin()), as);
        } else if (existing.unsafeTree().path("spec").path("replicas").asInt() != replicas) {
            ObjectNode scaled = existing.object();
            scaled.with("spec").put("replicas", replicas);
            state.prepareRequest(id, scaled);
            state.replace(existing, scaled, dev.kelpie.testkit.internal.ssa.ManagedFieldsCodec.key("kube-controller-manager", false, ""),
                    null, false);
        }
    }

    private void progressing(Resource r) {
        JsonNode spec = r.unsafeTree().path("spec");
        int generation = r.unsafeTree().path("metadata").path("generation").asInt();
        int replicas = spec.path("replicas").asInt(1);
        ObjectNode s = F.objectNode();
        s.put("observedGeneration", generation);
        switch (r.kind()) {
            case "Deployment" -> {
                s.put("replicas", replicas);
                s.put("updatedReplicas", 0);
                s.put("unavailableReplicas", replicas);
                ArrayNode c = s.putArray("conditions");
                c.add(condition("Available", "False", "MinimumReplicasUnavailable", "Deployment does not have minimum availability."));
                c.add(condition("Progressing", "True", "ReplicaSetUpdated", "ReplicaSet \"" + r.name() + "\" is progressing."));
            }
            case "ReplicaSet" -> s.put("replicas", replicas).put("fullyLabeledReplicas", replicas);
            case "StatefulSet" -> s.put("replicas", 0).put("availableReplicas", 0)
                    .put("currentRevision", r.name() + "-" + hash(spec.path("template")))
                    .put("updateRevision", r.name() + "-" + hash(spec.path("template"))).put("collisionCount", 0);
            case "DaemonSet" -> s.put("currentNumberScheduled", nodes).put("desiredNumberScheduled", nodes)
                    .put("numberMisscheduled", 0).put("numberReady", 0).put("numberUnavailable", nodes)
                    .put("updatedNumberScheduled", 0);
            case "Job" -> {
                s.remove("observedGeneration");
                s.put("startTime", state.now()).put("active", spec.path("parallelism").asInt(1)).put("ready", 0)
                        .put("terminating", 0);
                s.putObject("uncountedTerminatedPods");
            }
            default -> {
                return;
            }
        }
        write(r, s);
    }

    private void finish(Resource r) {
        JsonNode spec = r.unsafeTree().path("spec");
        int generation = r.unsafeTree().path("metadata").path("generation").asInt();
        int replicas = spec.path("replicas").asInt(1);
        boolean fails = failing.contains(r.id());
        ObjectNode s = r.unsafeTree().path("status").isObject() ? r.unsafeTree().path("status").deepCopy() : F.objectNode();
        switch (r.kind()) {
            case "Deployment" -> {
                s.put("observedGeneration", generation).put("replicas", replicas);
                ArrayNode c = s.putArray("conditions");
                if (fails) {
                    s.put("updatedReplicas", replicas).put("unavailableReplicas", replicas);
                    c.add(condition("Available", "False", "MinimumReplicasUnavailable", "Deployment does not have minimum availability."));
                    c.add(condition("Progressing", "False", "ProgressDeadlineExceeded",
                            "ReplicaSet \"" + r.name() + "\" has timed out progressing."));
                } else {
                    s.remove("unavailableReplicas");
                    s.put("updatedReplicas", replicas).put("readyReplicas", replicas).put("availableReplicas", replicas);
                    c.add(condition("Available", "True", "MinimumReplicasAvailable", "Deployment has minimum availability."));
                    c.add(condition("Progressing", "True", "NewReplicaSetAvailable",
                            "ReplicaSet \"" + r.name() + "\" has successfully progressed."));
                }
            }
            case "ReplicaSet" -> {
                if (!fails) {
                    s.put("readyReplicas", replicas).put("availableReplicas", replicas);
                }
            }
            case "StatefulSet" -> {
                if (!fails) {
                    s.put("replicas", replicas).put("readyReplicas", replicas).put("currentReplicas", replicas)
                            .put("updatedReplicas", replicas).put("availableReplicas", replicas);
                }
            }
            case "DaemonSet" -> {
                if (!fails) {
                    s.put("numberReady", nodes).put("numberAvailable", nodes).put("updatedNumberScheduled", nodes);
                    s.remove("numberUnavailable");
                }
            }
            case "Job" -> {
                s.put("active", 0).put("ready", 0);
                ArrayNode c = s.putArray("conditions");
                if (fails) {
                    s.put("failed", spec.path("backoffLimit").asInt(6) + 1);
                    c.add(condition("FailureTarget", "True", "BackoffLimitExceeded", "Job has reached the specified backoff limit"));
                    c.add(condition("Failed", "True", "BackoffLimitExceeded", "Job has reached the specified backoff limit"));
                } else {
                    s.put("succeeded", spec.path("completions").asInt(1)).put("completionTime", state.now());
                    c.add(condition("SuccessCriteriaMet", "True", "CompletionsReached", "Reached expected number of succeeded pods"));
                    c.add(condition("Complete", "True", "CompletionsReached", "Reached expected number of succeeded pods"));
                }
            }
            case "PersistentVolumeClaim" -> {
                s.put("phase", "Bound");
                s.set("accessModes", spec.path("accessModes"));
                s.set("capacity", spec.path("resources").path("requests"));
            }
            default -> {
                return;
            }
        }
        write(r, s);
    }

    private void write(Resource r, ObjectNode status) {
        writing = true;
        try {
            state.writeStatus(r, status);
        } finally {
            writing = false;
        }
    }

    private ObjectNode condition(String type, String status, String reason, String message) {
        String now = state.now();
        ObjectNode c = F.objectNode();
        c.put("type", type).put("status", status).put("lastUpdateTime", now).put("lastTransitionTime", now)
                .put("reason", reason).put("message", message);
        return c;
    }

    private static String hash(JsonNode template) {
        return Integer.toHexString(template.hashCode() & 0x7fffffff);
    }
}
