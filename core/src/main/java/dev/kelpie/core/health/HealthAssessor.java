package dev.kelpie.core.health;

import dev.kelpie.core.health.internal.BatchHealth;
import dev.kelpie.core.health.internal.ClusterObjectHealth;
import dev.kelpie.core.health.internal.GenericHealth;
import dev.kelpie.core.health.internal.NetworkHealth;
import dev.kelpie.core.health.internal.PodHealth;
import dev.kelpie.core.health.internal.WorkloadHealth;
import dev.kelpie.core.model.Manifests;
import dev.kelpie.core.model.Resource;
import dev.kelpie.core.model.ResourceId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Judges the health of live objects and applications. Built-in checks cover Deployment,
 * StatefulSet, DaemonSet, ReplicaSet, Pod, Job, CronJob, Service, Ingress, PVC, HPA,
 * APIService, CRD and Namespace; every other kind gets kstatus' generic rules. Checks are
 * keyed by group and kind ({@code "apps", "Deployment"}); a registered check replaces the
 * built-in one.
 *
 * <pre>{@code
 * HealthAssessor health = HealthAssessor.builder()
 *         .check("example.com", "Widget", live -> Health.healthy(""))
 *         .build();
 * ApplicationHealth app = health.assess(desired, live);
 * }</pre>
 *
 * Immutable and thread-safe.
 */
public final class HealthAssessor {
    private static final HealthAssessor DEFAULTS = builder().build();
    private final Map<String, HealthCheck> checks;

    private HealthAssessor(Map<String, HealthCheck> checks) {
        this.checks = Map.copyOf(checks);
    }

    /** The built-in checks only. */
    public static HealthAssessor defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The health of one live object. A check that throws yields {@link HealthStatus#UNKNOWN}. */
    public Health assess(Resource live) {
        Objects.requireNonNull(live, "live");
        HealthCheck check = checks.getOrDefault(key(live.id().group(), live.kind()), GenericHealth::generic);
        try {
            return check.assess(live);
        } catch (RuntimeException e) {
            return new Health(HealthStatus.UNKNOWN, "health check failed for " + live.id() + ": " + e.getMessage());
        }
    }

    /**
     * The health of an application: each desired object's live health ({@link HealthStatus#MISSING}
     * when it is not live), and the worst of them; an application without objects is healthy.
     */
    public ApplicationHealth assess(Manifests desired, Manifests live) {
        Map<ResourceId, Health> each = new LinkedHashMap<>();
        HealthStatus worst = HealthStatus.HEALTHY;
        for (Resource d : desired) {
            Optional<Resource> l = live.get(d.id());
            Health h = l.map(this::assess).orElseGet(() -> new Health(HealthStatus.MISSING, "not in the cluster"));
            each.put(d.id(), h);
            worst = worst.worst(h.status());
        }
        return new ApplicationHealth(worst, each);
    }

    private static String key(String group, String kind) {
        return group + "/" + kind;
    }

    /** Collects checks. Not thread-safe; confine to one thread. */
    public static final class Builder {
        private final Map<String, HealthCheck> checks = new HashMap<>();

        private Builder() {
            for (String g : new String[] {"apps", "extensions"}) {
                checks.put(key(g, "Deployment"), WorkloadHealth::deployment);
                checks.put(key(g, "DaemonSet"), WorkloadHealth::daemonSet);
                checks.put(key(g, "ReplicaSet"), WorkloadHealth::replicaSet);
            }
            checks.put(key("apps", "StatefulSet"), WorkloadHealth::statefulSet);
            checks.put(key("", "Pod"), PodHealth::pod);
            checks.put(key("batch", "Job"), BatchHealth::job);
            checks.put(key("batch", "CronJob"), BatchHealth::cronJob);
            checks.put(key("", "Service"), NetworkHealth::service);
            checks.put(key("networking.k8s.io", "Ingress"), NetworkHealth::ingress);
            checks.put(key("extensions", "Ingress"), NetworkHealth::ingress);
            checks.put(key("", "PersistentVolumeClaim"), ClusterObjectHealth::persistentVolumeClaim);
            checks.put(key("autoscaling", "HorizontalPodAutoscaler"), ClusterObjectHealth::horizontalPodAutoscaler);
            checks.put(key("apiregistration.k8s.io", "APIService"), ClusterObjectHealth::apiService);
            checks.put(key("apiextensions.k8s.io", "CustomResourceDefinition"), ClusterObjectHealth::customResourceDefinition);
            checks.put(key("", "Namespace"), ClusterObjectHealth::namespace);
        }

        /** Registers (or replaces) the check for a group-kind ({@code ""} is the core group). */
        public Builder check(String group, String kind, HealthCheck check) {
            checks.put(key(Objects.requireNonNull(group, "group"), Objects.requireNonNull(kind, "kind")),
                    Objects.requireNonNull(check, "check"));
            return this;
        }

        public HealthAssessor build() {
            return new HealthAssessor(checks);
        }
    }
}
