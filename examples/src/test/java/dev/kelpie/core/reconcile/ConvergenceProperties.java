package dev.kelpie.core.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.core.app.Application;
import dev.kelpie.core.app.SyncPolicy;
import dev.kelpie.core.backend.ListQuery;
import dev.kelpie.core.backend.PatchType;
import dev.kelpie.core.backend.WriteOptions;
import dev.kelpie.core.model.Resource;
import dev.kelpie.core.model.ResourceId;
import dev.kelpie.core.source.InMemoryFileTree;
import dev.kelpie.core.source.Snapshot;
import dev.kelpie.core.source.Source;
import dev.kelpie.core.sync.SyncSettings;
import dev.kelpie.testkit.Fault;
import dev.kelpie.testkit.FaultRule;
import dev.kelpie.testkit.InMemoryCluster;
import dev.kelpie.testkit.Verb;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever happens between passes (new commits, manual edits, objects nobody manages, server
 * errors, conflicts, throttling, timeouts and dropped connections cutting a sync anywhere),
 * once the faults stop the cluster equals Git, nothing unmanaged was deleted and nothing
 * managed was left behind. {@code CrashRecoveryTest} covers a process dying between two calls.
 */
class ConvergenceProperties {

    sealed interface Op {
        record Commit(Map<String, String> configMaps) implements Op { }
        record ManualEdit(String name, String value) implements Op { }
        record Foreign(String name) implements Op { }
        record FaultNext(Verb verb, int afterCalls, int kind) implements Op { }
    }

    @Property(tries = 40)
    void theClusterConvergesToGit(@ForAll("operations") List<Op> ops) {
        InMemoryCluster cluster = InMemoryCluster.builder().namespaces("apps").build();
        AtomicReference<Map<String, String>> git = new AtomicReference<>(Map.of("cm-0", "a"));
        Source source = Source.of("memory", revision -> {
            InMemoryFileTree.Builder b = InMemoryFileTree.builder();
            git.get().forEach((name, value) -> b.file("app/" + name + ".yaml",
                    "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "\ndata:\n  v: \"" + value + "\"\n"));
            b.file("app/README.txt", "not a manifest");
            return new Snapshot(Integer.toHexString(git.get().hashCode()), b.build());
        });
        Application app = Application.builder().name("prop").source("memory", "main", "app")
                .destinationNamespace("apps").syncPolicy(SyncPolicy.automated().prune(true).selfHeal(true)).build();
        try (Reconciler r = Reconciler.builder().backend(cluster).sources(s -> source)
                .syncSettings(SyncSettings.builder().waitForHealth(false).build()).build()) {
            r.reconcile(app);
            java.util.Set<String> foreign = new java.util.TreeSet<>();
            for (Op op : ops) {
                FaultRule armed = null;
                if (op instanceof Op.Commit c) {
                    git.set(c.configMaps());
                } else if (op instanceof Op.ManualEdit e) {
                    ResourceId id = ResourceId.of("v1", "ConfigMap", "apps", e.name());
                    if (cluster.get(id).isPresent()) {
                        ObjectNode patch = JsonNodeFactory.instance.objectNode();
                        patch.putObject("data").put("v", e.value());
                        cluster.patch(id, PatchType.MERGE, patch, WriteOptions.defaults().withFieldManager("kubectl-edit"));
                    }
                } else if (op instanceof Op.Foreign f) {
                    ObjectNode cm = JsonNodeFactory.instance.objectNode();
                    cm.put("apiVersion", "v1").put("kind", "ConfigMap");
                    cm.putObject("metadata").put("name", f.name()).put("namespace", "apps");
                    cluster.apply(Resource.of(cm), WriteOptions.defaults().withFieldManager("someone-else"));
                    foreign.add(f.name());
                } else if (op instanceof Op.FaultNext fault) {
                    Fault f = switch (fault.kind()) {
                        case 0 -> Fault.droppedConnection();
                        case 1 -> Fault.conflict();
                        case 2 -> Fault.timeout();
                        case 3 -> Fault.tooManyRequests();
                        default -> Fault.internalError();
                    };
                    armed = FaultRule.on(fault.verb()).fault(f).afterCalls(fault.afterCalls()).times(1);
                }
                // Faults are armed only while Kelpie works: the test's own edits above must not hit them.
                if (armed != null) {
                    cluster.inject(armed);
                }
                r.reconcile(app); // may fail half-way: the next pass must resume
                cluster.clearFaults();
            }
            cluster.clearFaults();
            ReconcileResult last = r.reconcile(app);
            assertThat(last.phase()).as(last.toString()).isIn(ReconcileResult.Phase.SUCCEEDED);

            Map<String, String> live = new TreeMap<>();
            for (Resource cm : cluster.list(ListQuery.of("", "ConfigMap").inNamespace("apps"))) {
                if (!cm.name().startsWith("kelpie-") && !foreign.contains(cm.name())) {
                    live.put(cm.name(), cm.unsafeTree().at("/data/v").asText());
                }
            }
            assertThat(live).isEqualTo(new TreeMap<>(git.get()));
            for (String f : foreign) {
                if (!git.get().containsKey(f)) {
                    assertThat(cluster.get(ResourceId.of("v1", "ConfigMap", "apps", f))).as("unmanaged " + f).isPresent();
                }
            }
        }
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<String> names = Arbitraries.of("cm-0", "cm-1", "cm-2", "cm-3");
        Arbitrary<String> values = Arbitraries.of("a", "b", "c");
        Arbitrary<Op> commit = Arbitraries.maps(names, values).ofMinSize(1).ofMaxSize(4).map(Op.Commit::new);
        Arbitrary<Op> edit = Combinators.combine(names, Arbitraries.of("x", "y")).as(Op.ManualEdit::new);
        Arbitrary<Op> foreign = Arbitraries.of("other-1", "other-2").map(Op.Foreign::new);
        Arbitrary<Op> fault = Combinators.combine(Arbitraries.of(Verb.APPLY, Verb.DELETE, Verb.GET, Verb.LIST),
                Arbitraries.integers().between(0, 4), Arbitraries.integers().between(0, 4)).as(Op.FaultNext::new);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, commit), net.jqwik.api.Tuple.of(2, edit),
                net.jqwik.api.Tuple.of(1, foreign), net.jqwik.api.Tuple.of(2, fault)).list().ofMinSize(1).ofMaxSize(8);
    }
}
