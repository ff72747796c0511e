package dev.kelpie.core.health.internal;

import static dev.kelpie.core.health.internal.StatusFields.condition;
import static dev.kelpie.core.health.internal.StatusFields.generation;
import static dev.kelpie.core.health.internal.StatusFields.number;
import static dev.kelpie.core.health.internal.StatusFields.observedGeneration;
import static dev.kelpie.core.health.internal.StatusFields.spec;
import static dev.kelpie.core.health.internal.StatusFields.status;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kelpie.core.health.Health;
import dev.kelpie.core.model.Resource;
import java.util.Optional;

/**
 * Rollout health of Deployments, StatefulSets, DaemonSets and ReplicaSets, judged as Argo CD's
 * gitops-engine judges them: the controller must have observed the latest generation, then
 * every replica must be updated and available. Stateless.
 */
public final class WorkloadHealth {
    private WorkloadHealth() {
    }

    private static boolean observed(Resource r) {
        Optional<Long> og = observedGeneration(r);
        return og.isPresent() && generation(r) <= og.get();
    }

    public static Health deployment(Resource r) {
        if (spec(r).path("paused").asBoolean(false)) {
            return Health.suspended("Deployment is paused");
        }
        if (!observed(r)) {
            return Health.progressing("Waiting for rollout to finish: observed deployment generation less than desired generation");
        }
        Optional<JsonNode> progressing = condition(r, "Progressing");
        if (progressing.isPresent() && "ProgressDeadlineExceeded".equals(progressing.get().path("reason").asText())) {
            return Health.degraded("Deployment " + r.name() + " exceeded its progress deadline");
        }
        JsonNode st = status(r);
        long replicas = number(spec(r), "replicas", 1);
        long updated = number(st, "updatedReplicas", 0);
        long total = number(st, "replicas", 0);
        long available = number(st, "availableReplicas", 0);
        if (updated < replicas) {
            return Health.progressing("Waiting for rollout to finish: " + updated + " out of " + replicas
                    + " new replicas have been updated...");
        }
        if (total > updated) {
            return Health.progressing("Waiting for rollout to finish: " + (total - updated)
                    + " old replicas are pending termination...");
        }
        if (available < updated) {
            return Health.progressing("Waiting for rollout to finish: " + available + " of " + updated
                    + " updated replicas are available...");
        }
        return Health.healthy("");
    }

    public static Health statefulSet(Resource r) {
        Optional<Long> og = observedGeneration(r);
        if (og.isEmpty() || og.get() == 0 || generation(r) > og.get()) {
            return Health.progressing("Waiting for statefulset spec update to be observed...");
        }
        JsonNode st = status(r);
        long replicas = number(spec(r), "replicas", 1);
        long ready = number(st, "readyReplicas", 0);
        if (ready < replicas) {
            return Health.progressing("Waiting for " + (replicas - ready) + " pods to be ready...");
        }
        JsonNode strategy = spec(r).path("updateStrategy");
        String type = strategy.path("type").asText("RollingUpdate");
        if (type.equals("OnDelete")) {
            return Health.healthy("statefulset has " + ready + " ready pods");
        }
        JsonNode partition = strategy.path("rollingUpdate").path("partition");
        if (partition.isNumber() && partition.asLong() > 0) {
            long updated = number(st, "updatedReplicas", 0);
            if (updated < replicas - partition.asLong()) {
                return Health.progressing("Waiting for partitioned roll out to finish: " + updated + " out of "
                        + (replicas - partition.asLong()) + " new pods have been updated...");
            }
            return Health.healthy("partitioned roll out complete: " + updated + " new pods have been updated...");
        }
        String current = st.path("currentRevision").asText("");
        String update = st.path("updateRevision").asText("");
        if (!current.equals(update)) {
            return Health.progressing("waiting for statefulset rolling update to complete "
                    + number(st, "updatedReplicas", 0) + " pods at revision " + update + "...");
        }
        return Health.healthy("statefulset rolling update complete " + number(st, "currentReplicas", 0)
                + " pods at revision " + current + "...");
    }

    public static Health daemonSet(Resource r) {
        if (!observed(r)) {
            return Health.progressing("Waiting for rollout to finish: observed daemon set generation less than desired generation");
        }
        if (spec(r).path("updateStrategy").path("type").asText("").equals("OnDelete")) {
            return Health.healthy("daemon set " + r.name() + " uses OnDelete updates");
        }
        JsonNode st = status(r);
        long desired = number(st, "desiredNumberScheduled", 0);
        long updated = number(st, "updatedNumberScheduled", 0);
        long available = number(st, "numberAvailable", 0);
        if (updated < desired) {
            return Health.progressing("Waiting for daemon set " + r.name() + " rollout to finish: " + updated
                    + " out of " + desired + " new pods have been updated...");
        }
        if (available < desired) {
            return Health.progressing("Waiting for daemon set " + r.name() + " rollout to finish: " + available
                    + " of " + desired + " updated pods are available...");
        }
        return Health.healthy("");
    }

    public static Health replicaSet(Resource r) {
        if (!observed(r)) {
            return Health.progressing("Waiting for rollout to finish: observed replica set generation less than desired generation");
        }
        Optional<JsonNode> failure = condition(r, "ReplicaFailure");
        if (failure.isPresent() && "True".equals(failure.get().path("status").asText())) {
            return Health.degraded(StatusFields.message(failure.get()));
        }
        long replicas = number(spec(r), "replicas", 1);
        long available = number(status(r), "availableReplicas", 0);
        if (available < replicas) {
            return Health.progressing("Waiting for rollout to finish: " + available + " out of " + replicas
                    + " new replicas are available...");
        }
        return Health.healthy("");
    }
}
