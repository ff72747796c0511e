package dev.kelpie.core.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelpie.core.model.Manifests;
import dev.kelpie.core.model.Resource;
import dev.kelpie.core.yaml.YamlCodec;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HealthAssessorTest {
    private final HealthAssessor health = HealthAssessor.defaults();

    private static Resource yaml(String text) {
        return YamlCodec.defaults().readResources("t.yaml", text).get(0);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("deployment rolled out", HealthStatus.HEALTHY, """
                        apiVersion: apps/v1
                        kind: Deployment
                        metadata: {name: web, generation: 2}
                        spec: {replicas: 2}
                        status: {observedGeneration: 2, replicas: 2, updatedReplicas: 2, availableReplicas: 2}
                        """),
                Arguments.of("deployment not observed", HealthStatus.PROGRESSING, """
                        apiVersion: apps/v1
                        kind: Deployment
                        metadata: {name: web, generation: 3}
                        spec: {replicas: 2}
                        status: {observedGeneration: 2, replicas: 2, updatedReplicas: 2, availableReplicas: 2}
                        """),
                Arguments.of("deployment paused", HealthStatus.SUSPENDED, """
                        apiVersion: apps/v1
                        kind: Deployment
                        metadata: {name: web}
                        spec: {paused: true}
                        """),
                Arguments.of("deployment deadline exceeded", HealthStatus.DEGRADED, """
                        apiVersion: apps/v1
                        kind: Deployment
                        metadata: {name: web, generation: 1}
                        spec: {replicas: 2}
                        status:
                          observedGeneration: 1
                          conditions: [{type: Progressing, status: "False", reason: ProgressDeadlineExceeded}]
                        """),
                Arguments.of("deployment old replicas", HealthStatus.PROGRESSING, """
                        apiVersion: apps/v1
                        kind: Deployment
                        metadata: {name: web, generation: 1}
                        spec: {replicas: 2}
                        status: {observedGeneration: 1, replicas: 3, updatedReplicas: 2, availableReplicas: 2}
                        """),
                Arguments.of("statefulset updating", HealthStatus.PROGRESSING, """
                        apiVersion: apps/v1
                        kind: StatefulSet
                        metadata: {name: db, generation: 1}
                        spec: {replicas: 1}
                        status: {observedGeneration: 1, readyReplicas: 1, currentRevision: a, updateRevision: b}
                        """),
                Arguments.of("statefulset done", HealthStatus.HEALTHY, """
                        apiVersion: apps/v1
                        kind: StatefulSet
                        metadata: {name: db, generation: 1}
                        spec: {replicas: 1}
                        status: {observedGeneration: 1, readyReplicas: 1, currentRevision: a, updateRevision: a}
                        """),
                Arguments.of("daemonset partial", HealthStatus.PROGRESSING, """
                        apiVersion: apps/v1
                        kind: DaemonSet
                        metadata: {name: d, generation: 1}
                        status: {observedGeneration: 1, desiredNumberScheduled: 3, updatedNumberScheduled: 3, numberAvailable: 2}
                        """),
                Arguments.of("replicaset failure", HealthStatus.DEGRADED, """
                        apiVersion: apps/v1
                        kind: ReplicaSet
                        metadata: {name: r, generation: 1}
                        status:
                          observedGeneration: 1
                          conditions: [{type: ReplicaFailure, status: "True", message: quota}]
                        """),
                Arguments.of("pod crashlooping", HealthStatus.DEGRADED, """
                        apiVersion: v1
                        kind: Pod
                        metadata: {name: p}
                        status:
                          phase: Running
                          containerStatuses: [{name: app, ready: false, state: {waiting: {reason: CrashLoopBackOff}}}]
                        """),
                Arguments.of("pod ready", HealthStatus.HEALTHY, """
                        apiVersion: v1
                        kind: Pod
                        metadata: {name: p}
                        status: {phase: Running, containerStatuses: [{name: app, ready: true}]}
                        """),
                Arguments.of("pod pending", HealthStatus.PROGRESSING, """
                        apiVersion: v1
                        kind: Pod
                        metadata: {name: p}
                        status: {phase: Pending}
                        """),
                Arguments.of("job failed", HealthStatus.DEGRADED, """
                        apiVersion: batch/v1
                        kind: Job
                        metadata: {name: j}
                        status: {conditions: [{type: Failed, status: "True", reason: BackoffLimitExceeded}]}
                        """),
                Arguments.of("job complete", HealthStatus.HEALTHY, """
                        apiVersion: batch/v1
                        kind: Job
                        metadata: {name: j}
                        status: {conditions: [{type: Complete, status: "True"}]}
                        """),
                Arguments.of("cronjob suspended", HealthStatus.SUSPENDED, """
                        apiVersion: batch/v1
                        kind: CronJob
                        metadata: {name: c}
                        spec: {suspend: true}
                        """),
                Arguments.of("lb without address", HealthStatus.PROGRESSING, """
                        apiVersion: v1
                        kind: Service
                        metadata: {name: s}
                        spec: {type: LoadBalancer}
                        """),
                Arguments.of("cluster ip service", HealthStatus.HEALTHY, """
                        apiVersion: v1
                        kind: Service
                        metadata: {name: s}
                        """),
                Arguments.of("ingress with address", HealthStatus.HEALTHY, """
                        apiVersion: networking.k8s.io/v1
                        kind: Ingress
                        metadata: {name: i}
                        status: {loadBalancer: {ingress: [{ip: 10.0.0.1}]}}
                        """),
                Arguments.of("pvc lost", HealthStatus.DEGRADED, """
                        apiVersion: v1
                        kind: PersistentVolumeClaim
                        metadata: {name: v}
                        status: {phase: Lost}
                        """),
                Arguments.of("hpa failing", HealthStatus.DEGRADED, """
                        apiVersion: autoscaling/v2
                        kind: HorizontalPodAutoscaler
                        metadata: {name: h}
                        status: {conditions: [{type: ScalingActive, status: "False", reason: FailedGetResourceMetric}]}
                        """),
                Arguments.of("apiservice unavailable", HealthStatus.PROGRESSING, """
                        apiVersion: apiregistration.k8s.io/v1
                        kind: APIService
                        metadata: {name: v1.metrics}
                        status: {conditions: [{type: Available, status: "False", reason: MissingEndpoints}]}
                        """),
                Arguments.of("crd established", HealthStatus.HEALTHY, """
                        apiVersion: apiextensions.k8s.io/v1
                        kind: CustomResourceDefinition
                        metadata: {name: w.example.com}
                        status: {conditions: [{type: Established, status: "True"}]}
                        """),
                Arguments.of("crd names rejected", HealthStatus.DEGRADED, """
                        apiVersion: apiextensions.k8s.io/v1
                        kind: CustomResourceDefinition
                        metadata: {name: w.example.com}
                        status: {conditions: [{type: NamesAccepted, status: "False", reason: Conflict}]}
                        """),
                Arguments.of("namespace terminating", HealthStatus.PROGRESSING, """
                        apiVersion: v1
                        kind: Namespace
                        metadata: {name: n}
                        status: {phase: Terminating}
                        """),
                Arguments.of("custom stalled", HealthStatus.DEGRADED, """
                        apiVersion: example.com/v1
                        kind: Widget
                        metadata: {name: w, generation: 1}
                        status: {observedGeneration: 1, conditions: [{type: Stalled, status: "True", message: stuck}]}
                        """),
                Arguments.of("custom reconciling", HealthStatus.PROGRESSING, """
                        apiVersion: example.com/v1
                        kind: Widget
                        metadata: {name: w}
                        status: {conditions: [{type: Reconciling, status: "True"}]}
                        """),
                Arguments.of("custom old generation", HealthStatus.PROGRESSING, """
                        apiVersion: example.com/v1
                        kind: Widget
                        metadata: {name: w, generation: 4}
                        status: {observedGeneration: 3, conditions: [{type: Ready, status: "True"}]}
                        """),
                Arguments.of("custom ready", HealthStatus.HEALTHY, """
                        apiVersion: example.com/v1
                        kind: Widget
                        metadata: {name: w, generation: 4}
                        status: {observedGeneration: 4, conditions: [{type: Ready, status: "True"}]}
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void builtInRules(String name, HealthStatus expected, String yaml) {
        assertThat(health.assess(yaml(yaml)).status()).isEqualTo(expected);
    }

    @Test
    void applicationHealthIsTheWorst() {
        Resource ok = yaml("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n");
        Resource missing = yaml("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n");
        Resource paused = yaml("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: {paused: true}\n");
        ApplicationHealth h = health.assess(Manifests.of(ok, paused), Manifests.of(ok, paused));
        assertThat(h.status()).isEqualTo(HealthStatus.SUSPENDED);
        ApplicationHealth h2 = health.assess(Manifests.of(ok, paused, missing), Manifests.of(ok, paused));
        assertThat(h2.status()).isEqualTo(HealthStatus.MISSING);
        assertThat(h2.objects().get(missing.id()).message()).isEqualTo("not in the cluster");
        assertThat(HealthStatus.HEALTHY.worst(HealthStatus.UNKNOWN)).isEqualTo(HealthStatus.UNKNOWN);
        assertThat(HealthStatus.DEGRADED.worst(HealthStatus.MISSING)).isEqualTo(HealthStatus.DEGRADED);
    }

    @Test
    void customChecksReplaceBuiltInsAndFailuresAreUnknown() {
        Resource w = yaml("apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n");
        HealthAssessor custom = HealthAssessor.builder()
                .check("example.com", "Widget", live -> Health.degraded("custom"))
                .check("", "ConfigMap", live -> {
                    throw new IllegalStateException("boom");
                })
                .build();
        assertThat(custom.assess(w)).isEqualTo(Health.degraded("custom"));
        Health broken = custom.assess(yaml("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n"));
        assertThat(broken.status()).isEqualTo(HealthStatus.UNKNOWN);
        assertThat(broken.message()).contains("ConfigMap/c");
    }
}
