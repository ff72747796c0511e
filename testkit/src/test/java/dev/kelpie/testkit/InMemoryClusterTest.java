package dev.kelpie.testkit;

import static dev.kelpie.testkit.Fixtures.configMap;
import static dev.kelpie.testkit.Fixtures.deployment;
import static dev.kelpie.testkit.Fixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kelpie.core.backend.ApiException;
import dev.kelpie.core.backend.ApiException.Reason;
import dev.kelpie.core.backend.DeleteOptions;
import dev.kelpie.core.backend.DeleteOptions.Propagation;
import dev.kelpie.core.backend.ListQuery;
import dev.kelpie.core.backend.PatchType;
import dev.kelpie.core.backend.Watch;
import dev.kelpie.core.backend.WatchEvent;
import dev.kelpie.core.backend.WriteOptions;
import dev.kelpie.core.model.Resource;
import dev.kelpie.core.model.ResourceId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InMemoryClusterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ManualClock clock = ManualClock.standard();
    private final InMemoryCluster cluster = InMemoryCluster.builder().clock(clock).namespaces("default", "staging")
            .readyDelay(Duration.ofSeconds(10)).build();
    private final WriteOptions opts = WriteOptions.defaults();

    private static ApiException.Reason reasonOf(Throwable t) {
        return ((ApiException) t).reason();
    }

    @Nested
    class Discovery {
        @Test
        void unknownKindFailsAsNoMatchesForKind() {
            Resource cr = yaml("""
                    apiVersion: example.com/v1
                    kind: Widget
                    metadata: {name: w, namespace: staging}
                    """);
            assertThatThrownBy(() -> cluster.create(cr, opts)).isInstanceOf(ApiException.class)
                    .hasMessageContaining("no matches for kind \"Widget\" in version \"example.com/v1\"")
                    .satisfies(e -> assertThat(reasonOf(e)).isEqualTo(Reason.NOT_FOUND));
        }

        @Test
        void crdMakesItsKindServedOnceEstablished() {
            cluster.create(yaml("""
                    apiVersion: apiextensions.k8s.io/v1
                    kind: CustomResourceDefinition
                    metadata: {name: widgets.example.com}
                    spec:
                      group: example.com
                      scope: Namespaced
                      names: {kind: Widget, plural: widgets, singular: widget}
                      versions: [{name: v1, served: true, storage: true, subresources: {status: {}}}]
                    """), opts);
            assertThat(cluster.discovery().isNamespaced("example.com", "Widget")).contains(true);
            assertThat(cluster.discovery().serves("example.com", "v2", "Widget")).isFalse();
            Resource created = cluster.create(yaml("""
                    apiVersion: example.com/v1
                    kind: Widget
                    metadata: {name: w, namespace: staging}
                    spec: {size: 3}
                    """), opts);
            assertThat(created.unsafeTree().path("metadata").path("generation").asInt()).isEqualTo(1);
            Resource crd = cluster.get(ResourceId.of("apiextensions.k8s.io", "v1", "CustomResourceDefinition", "", "widgets.example.com")).orElseThrow();
            assertThat(crd.unsafeTree().path("status").path("conditions").toString()).contains("Established");
        }

        @Test
        void namespacedObjectNeedsAnExistingNamespace() {
            assertThatThrownBy(() -> cluster.create(configMap("nowhere", "c", "k", "v"), opts))
                    .hasMessageContaining("namespaces \"nowhere\" not found");
        }

        @Test
        void builtInKindsHaveTheirScope() {
            assertThat(cluster.discovery().isNamespaced("", "Namespace")).contains(false);
            assertThat(cluster.discovery().isNamespaced("apps", "Deployment")).contains(true);
            assertThat(cluster.discovery().serves("apps", "v1beta1", "Deployment")).isFalse();
        }
    }

    @Nested
    class Bookkeeping {
        @Test
        void createStampsServerFields() {
            Resource d = cluster.create(deployment("staging", "web", 2, "nginx:1.27"), opts);
            var md = d.unsafeTree().path("metadata");
            assertThat(md.path("uid").asText()).hasSize(36);
            assertThat(md.path("resourceVersion").asText()).isNotEmpty();
            assertThat(md.path("generation").asInt()).isEqualTo(1);
            assertThat(md.path("creationTimestamp").asText()).isEqualTo("2026-01-01T00:00:00Z");
            assertThat(md.path("managedFields").get(0).path("manager").asText()).isEqualTo("kelpie");
            assertThat(md.path("managedFields").get(0).path("operation").asText()).isEqualTo("Update");
        }

        @Test
        void generationMovesOnSpecChangesOnly() {
            Resource created = cluster.create(deployment("staging", "web", 2, "nginx:1.27"), opts);
            Resource d = cluster.get(created.id()).orElseThrow();
            Resource labelled = cluster.update(d.withLabel("team", "a"), opts);
            assertThat(labelled.unsafeTree().at("/metadata/generation").asInt()).isEqualTo(1);
            Resource scaled = cluster.update(labelled.edit(t -> t.with("spec").put("replicas", 5)), opts);
            assertThat(scaled.unsafeTree().at("/metadata/generation").asInt()).isEqualTo(2);
        }

        @Test
        void staleResourceVersionConflicts() {
            Resource d = cluster.create(configMap("staging", "c", "k", "v1"), opts);
            cluster.update(d.edit(t -> t.with("data").put("k", "v2")), opts);
            assertThatThrownBy(() -> cluster.update(d.edit(t -> t.with("data").put("k", "v3")), opts))
                    .satisfies(e -> assertThat(reasonOf(e)).isEqualTo(Reason.CONFLICT))
                    .hasMessageContaining("the object has been modified");
        }

        @Test
        void unchangedUpdateKeepsTheResourceVersion() {
            Resource d = cluster.create(configMap("staging", "c", "k", "v1"), opts);
            Resource again = cluster.update(d, opts);
            assertThat(again.unsafeTree().at("/metadata/resourceVersion")).isEqualTo(d.unsafeTree().at("/metadata/resourceVersion"));
        }

        @Test
        void createTwiceIsAlreadyExists() {
            cluster.create(configMap("staging", "c", "k", "v"), opts);
            assertThatThrownBy(() -> cluster.create(configMap("staging", "c", "k", "v"), opts))
                    .satisfies(e -> assertThat(reasonOf(e)).isEqualTo(Reason.ALREADY_EXISTS))
                    .hasMessageContaining("configmaps \"c\" already exists");
        }

        @Test
        void dryRunWritesNothing() {
            cluster.create(configMap("staging", "c", "k", "v"), opts.withDryRun(true));
            assertThat(cluster.get(configMap("staging", "c", "k", "v").id())).isEmpty();
        }
    }

    @Nested
    class DefaultsAndImmutables {
        @Test
        void deploymentGetsTheServerDefaults() {
            Resource d = cluster.create(deployment("staging", "web", 2, "nginx:1.27"), opts);
            var spec = d.unsafeTree().path("spec");
            assertThat(spec.path("revisionHistoryLimit").asInt()).isEqualTo(10);
            assertThat(spec.path("progressDeadlineSeconds").asInt()).isEqualTo(600);
            assertThat(spec.at("/strategy/rollingUpdate/maxSurge").asText()).isEqualTo("25%");
            var c = spec.at("/template/spec/containers/0");
            assertThat(c.path("imagePullPolicy").asText()).isEqualTo("IfNotPresent");
            assertThat(c.path("terminationMessagePath").asText()).isEqualTo("/dev/termination-log");
            assertThat(c.at("/ports/0/protocol").asText()).isEqualTo("TCP");
            assertThat(spec.at("/template/spec/restartPolicy").asText()).isEqualTo("Always");
        }

        @Test
        void serviceGetsAClusterIpThatCannotChange() {
            Resource s = cluster.create(yaml("""
                    apiVersion: v1
                    kind: Service
                    metadata: {name: web, namespace: staging}
                    spec: {selector: {app: web}, ports: [{port: 80, targetPort: 8080}]}
                    """), opts);
            assertThat(s.unsafeTree().at("/spec/type").asText()).isEqualTo("ClusterIP");
            assertThat(s.unsafeTree().at("/spec/clusterIP").asText()).startsWith("10.96.");
            assertThat(s.unsafeTree().at("/spec/ports/0/protocol").asText()).isEqualTo("TCP");
            assertThatThrownBy(() -> cluster.update(s.edit(t -> t.with("spec").put("clusterIP", "10.0.0.9")), opts))
                    .satisfies(e -> assertThat(reasonOf(e)).isEqualTo(Reason.INVALID))
                    .hasMessageContaining("may not change once set");
        }

        @Test
        void deploymentSelectorIsImmutable() {
            Resource d = cluster.create(deployment("staging", "web", 2, "nginx:1.27"), opts);
            assertThatThrownBy(() -> cluster.update(cluster.get(d.id()).orElseThrow().edit(t -> t.with("spec").with("selector").with("matchLabels")
                    .put("tier", "x")), opts))
                    .satisfies(e -> assertThat(reasonOf(e)).isEqualTo(Reason.INVALID))
                    .hasMessageContaining("spec.selector").hasMessageContaining("field is immutable");
        }
    }

    @Nested
    class ServerSideApplyVerb {
        @Test
        void applyCreatesAndRecordsOwnership() {
            Resource d = cluster.apply(deployment("staging", "web", 2, "nginx:1.27"), opts);
            var mf = d.unsafeTree().at("/metadata/managedFields/0");
            assertThat(mf.path("operation").asText()).isEqualTo("Apply");
            assertThat(mf.path("fieldsV1").toString()).contains("\"f:replicas\"")
                    .contains("k:{\\\"name\\\":\\\"app\\\"}").doesNotContain("f:progressDeadlineSeconds");
        }

        @Test
        void anotherManagerConflictsUnlessForced() {
            cluster.apply(deployment("staging", "web", 2, "nginx:1.27"), opts);
            Resource hpa = deployment("staging", "web", 5, "nginx:1.27");
            assertThatThrownBy(() -> cluster.apply(hpa, opts.withFieldManager("hpa")))
                    .satisfies(e -> assertThat(reasonOf(e)).isEqualTo(Reason.CONFLICT))
                    .hasMessageContaining("conflict with \"kelpie\"").hasMessageContaining(".spec.replicas");
            Resource forced = cluster.apply(hpa, opts.withFieldManager("hpa").withForce(true));
            assertThat(forced.unsafeTree().at("/spec/replicas").asInt()).isEqualTo(5);
        }

        @Test
        void fieldsDropWhenTheirOnlyManagerStopsApplyingThem() {
            cluster.apply(configMap("staging", "c", "a", "1").edit(t -> t.with("data").put("b", "2")), opts);
            Resource after = cluster.apply(configMap("staging", "c", "a", "1"), opts);
            assertThat(after.unsafeTree().path("data").has("b")).isFalse();
        }

        @Test
        void fieldsStayWhileAnotherManagerOwnsThem() {
            cluster.apply(configMap("staging", "c", "a", "1").edit(t -> t.with("data").put("b", "2")), opts);
            cluster.apply(configMap("staging", "c", "b", "2"), opts.withFieldManager("other"));
            Resource after = cluster.apply(configMap("staging", "c", "a", "1"), opts);
            assertThat(after.unsafeTree().path("data").path("b").asText()).isEqualTo("2");
        }

        @Test
        void managersShareAListByItsMapKeys() {
            cluster.apply(deployment("staging", "web", 2, "nginx:1.27").edit(t -> ((com.fasterxml.jackson.databind.node.ObjectNode)
                    t.at("/spec/template/spec/containers/0")).putArray("env").addObject().put("name", "A").put("value", "1")), opts);
            Resource sidecarEnv = yaml("""
                    apiVersion: apps/v1
                    kind: Deployment
                    metadata: {name: web, namespace: staging}
                    spec:
                      template:
                        spec:
                          containers:
                          - name: app
                            env: [{name: B, value: "2"}]
                    """);
            Resource both = cluster.apply(sidecarEnv, opts.withFieldManager("injector"));
            assertThat(both.unsafeTree().at("/spec/template/spec/containers/0/env").toString())
                    .contains("\"A\"").contains("\"B\"");
            assertThat(both.unsafeTree().at("/metadata/managedFields").toString()).contains("k:{\\\"name\\\":\\\"B\\\"}");
        }

        @Test
        void applyingTheSameTwiceChangesNothing() {
            Resource applied = cluster.apply(deployment("staging", "web", 2, "nginx:1.27"), opts);
            Resource first = cluster.get(applied.id()).orElseThrow();
            Resource second = cluster.apply(deployment("staging", "web", 2, "nginx:1.27"), opts);
            assertThat(second.unsafeTree().at("/metadata/resourceVersion"))
                    .isEqualTo(first.unsafeTree().at("/metadata/resourceVersion"));
        }
    }

    @Nested
    class PatchesAndClientSideApply {
        @Test
        void strategicMergePatchMergesContainersByName() throws Exception {
            Resource d = cluster.create(deployment("staging", "web", 2, "nginx:1.27"), opts);
            Resource p = cluster.patch(d.id(), PatchType.STRATEGIC, JSON.readTree(
                    "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"app\",\"image\":\"nginx:1.28\"}]}}}}"), opts);
            assertThat(p.unsafeTree().at("/spec/template/spec/containers/0/image").asText()).isEqualTo("nginx:1.28");
            assertThat(p.unsafeTree().at("/spec/template/spec/containers/0/ports/0/containerPort").asInt()).isEqualTo(8080);
        }

        @Test
        void mergeAndJsonPatches() throws Exception {
            Resource c = cluster.create(configMap("staging", "c", "a", "1"), opts);
            cluster.patch(c.id(), PatchType.MERGE, JSON.readTree("{\"data\":{\"b\":\"2\",\"a\":null}}"), opts);
            Resource j = cluster.patch(c.id(), PatchType.JSON, JSON.readTree("[{\"op\":\"add\",\"path\":\"/data/c\",\"value\":\"3\"}]"), opts);
            assertThat(j.unsafeTree().path("data").toString()).isEqualTo("{\"b\":\"2\",\"c\":\"3\"}");
        }

        @Test
        void clientSideApplyRemovesWhatLeftTheConfiguration() {
            Resource first = configMap("staging", "c", "a", "1").edit(t -> t.with("data").put("b", "2"));
            cluster.applyClientSide(first, opts);
            Resource live = cluster.get(first.id()).orElseThrow();
            cluster.update(live.edit(t -> t.with("data").put("fromOthers", "x")), opts.withFieldManager("someone"));
            Resource after = cluster.applyClientSide(configMap("staging", "c", "a", "1"), opts);
            assertThat(after.unsafeTree().path("data").has("b")).isFalse();
            assertThat(after.unsafeTree().path("data").path("fromOthers").asText()).isEqualTo("x");
            assertThat(after.annotations()).containsKey("kubectl.kubernetes.io/last-applied-configuration");
        }
    }

    @Nested
    class Deletes {
        @Test
        void finalizersHoldTheObjectUntilRemoved() {
            Resource c = cluster.create(configMap("staging", "c", "a", "1").edit(t -> t.with("metadata").putArray("finalizers")
                    .add("example.com/hold")), opts);
            Resource marked = cluster.delete(c.id(), DeleteOptions.defaults()).orElseThrow();
            assertThat(marked.unsafeTree().at("/metadata/deletionTimestamp").asText()).isNotEmpty();
            assertThat(cluster.get(c.id())).isPresent();
            cluster.update(marked.edit(t -> t.with("metadata").remove("finalizers")), opts);
            assertThat(cluster.get(c.id())).isEmpty();
        }

        @Test
        void backgroundDeletionCollectsDependents() {
            Resource owner = cluster.create(configMap("staging", "owner", "a", "1"), opts);
            Resource dep = cluster.create(ownedBy(owner, "dep"), opts);
            cluster.delete(owner.id(), DeleteOptions.defaults());
            assertThat(cluster.get(dep.id())).isEmpty();
        }

        @Test
        void orphanDeletionKeepsDependentsWithoutTheOwnerReference() {
            Resource owner = cluster.create(configMap("staging", "owner", "a", "1"), opts);
            Resource dep = cluster.create(ownedBy(owner, "dep"), opts);
            cluster.delete(owner.id(), DeleteOptions.defaults().withPropagation(Propagation.ORPHAN));
            assertThat(cluster.get(owner.id())).isEmpty();
            assertThat(cluster.get(dep.id()).orElseThrow().unsafeTree().at("/metadata/ownerReferences").isMissingNode()).isTrue();
        }

        @Test
        void foregroundDeletionWaitsForFinalizingDependents() {
            Resource owner = cluster.create(configMap("staging", "owner", "a", "1"), opts);
            Resource dep = cluster.create(ownedBy(owner, "dep").edit(t -> t.with("metadata").putArray("finalizers").add("x/y")), opts);
            cluster.delete(owner.id(), DeleteOptions.defaults().withPropagation(Propagation.FOREGROUND));
            assertThat(cluster.get(owner.id()).orElseThrow().unsafeTree().at("/metadata/finalizers").toString())
                    .contains("foregroundDeletion");
            Resource marked = cluster.get(dep.id()).orElseThrow();
            cluster.update(marked.edit(t -> t.with("metadata").remove("finalizers")), opts);
            assertThat(cluster.get(dep.id())).isEmpty();
            assertThat(cluster.get(owner.id())).isEmpty();
        }

        @Test
        void deletingANamespaceDeletesItsContents() {
            Resource c = cluster.create(configMap("staging", "c", "a", "1"), opts);
            cluster.delete(ResourceId.of("", "v1", "Namespace", "", "staging"), DeleteOptions.defaults());
            assertThat(cluster.get(c.id())).isEmpty();
            assertThat(cluster.get(ResourceId.of("", "v1", "Namespace", "", "staging"))).isEmpty();
        }

        private Resource ownedBy(Resource owner, String name) {
            return configMap("staging", name, "k", "v").edit(t -> t.with("metadata").putArray("ownerReferences").addObject()
                    .put("apiVersion", "v1").put("kind", "ConfigMap").put("name", owner.name())
                    .put("uid", owner.unsafeTree().at("/metadata/uid").asText()));
        }
    }

    @Nested
    class Watches {
        @Test
        void watchSeesAddedModifiedDeletedFromAResourceVersion() {
            Resource c = cluster.create(configMap("staging", "c", "a", "1"), opts);
            String from = c.unsafeTree().at("/metadata/resourceVersion").asText();
            cluster.update(c.edit(t -> t.with("data").put("a", "2")), opts);
            List<WatchEvent> seen = new ArrayList<>();
            try (Watch w = cluster.watch(ListQuery.of("", "ConfigMap").inNamespace("staging"), from, seen::add)) {
                cluster.delete(c.id(), DeleteOptions.defaults());
                cluster.create(configMap("default", "other-ns", "a", "1"), opts);
            }
            cluster.create(configMap("staging", "after-close", "a", "1"), opts);
            assertThat(seen).extracting(WatchEvent::type).containsExactly(WatchEvent.Type.MODIFIED, WatchEvent.Type.DELETED);
        }
    }

    @Nested
    class Controllers {
        @Test
        void deploymentBecomesAvailableAfterTheDelay() {
            Resource d = cluster.apply(deployment("staging", "web", 3, "nginx:1.27"), opts);
            Resource progressing = cluster.get(d.id()).orElseThrow();
            assertThat(progressing.unsafeTree().at("/status/observedGeneration").asInt()).isEqualTo(1);
            assertThat(progressing.unsafeTree().at("/status/readyReplicas").isMissingNode()).isTrue();
            clock.advance(Duration.ofSeconds(10));
            Resource ready = cluster.get(d.id()).orElseThrow();
            assertThat(ready.unsafeTree().at("/status/readyReplicas").asInt()).isEqualTo(3);
            assertThat(ready.unsafeTree().at("/status/conditions").toString()).contains("NewReplicaSetAvailable");
        }

        @Test
        void deploymentOwnsAReplicaSetPerTemplateThatGoesWithIt() {
            Resource d = cluster.apply(deployment("staging", "web", 3, "nginx:1.27"), opts);
            cluster.apply(deployment("staging", "web", 3, "nginx:1.28"), opts);
            List<Resource> sets = cluster.list(ListQuery.of("apps", "ReplicaSet").inNamespace("staging"));
            assertThat(sets).hasSize(2);
            assertThat(sets).extracting(r -> r.unsafeTree().at("/spec/replicas").asInt()).containsExactlyInAnyOrder(0, 3);
            assertThat(sets.get(0).unsafeTree().at("/metadata/ownerReferences/0/name").asText()).isEqualTo("web");
            cluster.delete(d.id(), DeleteOptions.defaults());
            assertThat(cluster.list(ListQuery.of("apps", "ReplicaSet").inNamespace("staging"))).isEmpty();
        }

        @Test
        void failingRolloutExceedsItsDeadline() {
            Resource d = cluster.apply(deployment("staging", "web", 3, "nginx:broken"), opts);
            cluster.failRollout(d.id());
            clock.advance(Duration.ofSeconds(600));
            assertThat(cluster.get(d.id()).orElseThrow().unsafeTree().at("/status/conditions").toString())
                    .contains("ProgressDeadlineExceeded");
        }

        @Test
        void jobCompletes() {
            Resource job = cluster.apply(yaml("""
                    apiVersion: batch/v1
                    kind: Job
                    metadata: {name: migrate, namespace: staging}
                    spec:
                      template:
                        spec:
                          restartPolicy: Never
                          containers: [{name: m, image: "migrate:1"}]
                    """), opts);
            clock.advance(Duration.ofSeconds(10));
            Resource done = cluster.get(job.id()).orElseThrow();
            assertThat(done.unsafeTree().at("/status/succeeded").asInt()).isEqualTo(1);
            assertThat(done.unsafeTree().at("/status/conditions").toString()).contains("\"Complete\"");
        }
    }

    @Nested
    class Faults {
        @Test
        void seededFaultsReplayTheSameWay() {
            List<Boolean> first = failures(42);
            assertThat(first).contains(true, false);
            assertThat(failures(42)).isEqualTo(first);
        }

        private List<Boolean> failures(long seed) {
            InMemoryCluster c = InMemoryCluster.builder().clock(clock).seed(seed)
                    .fault(FaultRule.on(Verb.GET).fault(Fault.tooManyRequests()).withProbability(0.5)).build();
            List<Boolean> out = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                try {
                    c.get(ResourceId.of("", "v1", "ConfigMap", "default", "x"));
                    out.add(false);
                } catch (ApiException e) {
                    assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_REQUESTS);
                    out.add(true);
                }
            }
            return out;
        }

        @Test
        void connectionDropsAfterNCallsPerKind() {
            cluster.inject(FaultRule.on(Verb.APPLY).kind("", "ConfigMap").fault(Fault.droppedConnection()).afterCalls(2).times(1));
            cluster.apply(configMap("staging", "a", "k", "v"), opts);
            cluster.apply(configMap("staging", "b", "k", "v"), opts);
            assertThatThrownBy(() -> cluster.apply(configMap("staging", "c", "k", "v"), opts))
                    .satisfies(e -> assertThat(((ApiException) e).isRetriable()).isTrue())
                    .satisfies(e -> assertThat(reasonOf(e)).isEqualTo(Reason.CONNECTION_DROPPED));
            assertThat(cluster.get(configMap("staging", "c", "k", "v").id())).isEmpty();
            cluster.apply(configMap("staging", "c", "k", "v"), opts);
            cluster.apply(deployment("staging", "web", 1, "nginx:1"), opts);
        }

        @Test
        void latencyAdvancesAManualClock() {
            cluster.inject(FaultRule.on(Verb.LIST).fault(Fault.latency(Duration.ofSeconds(3))));
            var before = clock.instant();
            cluster.list(ListQuery.of("", "ConfigMap"));
            assertThat(clock.instant()).isEqualTo(before.plusSeconds(3));
        }
    }

    @Test
    void snapshotAndRestoreKeepEverything(@TempDir Path dir) {
        cluster.apply(deployment("staging", "web", 3, "nginx:1.27"), opts);
        cluster.create(configMap("staging", "c", "a", "1").withLabel("tier", "x"), opts);
        cluster.snapshot(dir);
        InMemoryCluster restored = InMemoryCluster.builder().clock(clock).build();
        restored.restore(dir);
        assertThat(restored.all()).isEqualTo(cluster.all());
        assertThat(restored.list(ListQuery.of("", "ConfigMap").withLabels(Map.of("tier", "x")))).hasSize(1);
        Resource next = restored.create(configMap("staging", "d", "a", "1"), opts);
        assertThat(Long.parseLong(next.unsafeTree().at("/metadata/resourceVersion").asText()))
                .isGreaterThan(Long.parseLong(cluster.get(next.id().withName("c")).orElseThrow()
                        .unsafeTree().at("/metadata/resourceVersion").asText()));
    }

    @Test
    void concurrentReadModifyWriteLosesNoUpdate() throws Exception {
        Resource c = cluster.create(configMap("staging", "counter", "n", "0"), opts);
        int threads = 4;
        int perThread = 25;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<Integer>> conflicts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                conflicts.add(pool.submit(() -> {
                    int seen = 0;
                    for (int i = 0; i < perThread; i++) {
                        while (true) {
                            Resource live = cluster.get(c.id()).orElseThrow();
                            int n = Integer.parseInt(live.unsafeTree().at("/data/n").asText());
                            try {
                                cluster.update(live.edit(o -> o.with("data").put("n", String.valueOf(n + 1))), opts);
                                break;
                            } catch (ApiException e) {
                                assertThat(e.reason()).isEqualTo(Reason.CONFLICT);
                                seen++;
                            }
                        }
                    }
                    return seen;
                }));
            }
            for (var f : conflicts) {
                f.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(cluster.get(c.id()).orElseThrow().unsafeTree().at("/data/n").asText())
                .isEqualTo(String.valueOf(threads * perThread));
    }

    @Test
    void dryRunApplyAndDeleteChangeNothing() {
        Resource d = cluster.apply(configMap("staging", "c", "a", "1"), opts);
        Resource preview = cluster.apply(configMap("staging", "c", "a", "2"), opts.withDryRun(true));
        assertThat(preview.unsafeTree().at("/data/a").asText()).isEqualTo("2");
        cluster.delete(d.id(), DeleteOptions.defaults().withDryRun(true));
        assertThat(cluster.get(d.id()).orElseThrow()).isEqualTo(d);
    }

    @Test
    void aWatchFromBeyondTheHistoryIsRefused() {
        InMemoryCluster small = InMemoryCluster.builder().clock(clock).watchHistory(2).build();
        for (int i = 0; i < 5; i++) {
            small.create(configMap("default", "c" + i, "a", "1"), opts);
        }
        assertThatThrownBy(() -> small.watch(ListQuery.of("", "ConfigMap"), "1", e -> { }))
                .hasMessageContaining("too old resource version");
    }

    @Test
    void listFiltersByNamespaceAndLabels() {
        cluster.create(configMap("staging", "a", "k", "v").withLabel("app", "x"), opts);
        cluster.create(configMap("staging", "b", "k", "v").withLabel("app", "y"), opts);
        cluster.create(configMap("default", "c", "k", "v").withLabel("app", "x"), opts);
        assertThat(cluster.list(ListQuery.of("", "ConfigMap").withLabels(Map.of("app", "x")))).extracting(Resource::name)
                .containsExactly("c", "a");
        assertThat(cluster.list(ListQuery.of("", "ConfigMap").inNamespace("staging"))).extracting(Resource::name)
                .containsExactly("a", "b");
    }
}
