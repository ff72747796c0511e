package dev.kelpie.core.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.core.app.Application;
import dev.kelpie.core.app.SyncPolicy;
import dev.kelpie.core.backend.Backend;
import dev.kelpie.core.backend.DeleteOptions;
import dev.kelpie.core.backend.Discovery;
import dev.kelpie.core.backend.ListQuery;
import dev.kelpie.core.backend.PatchType;
import dev.kelpie.core.backend.Watch;
import dev.kelpie.core.backend.WatchEvent;
import dev.kelpie.core.backend.WriteOptions;
import dev.kelpie.core.model.Resource;
import dev.kelpie.core.model.ResourceId;
import dev.kelpie.core.source.InMemoryFileTree;
import dev.kelpie.core.source.Snapshot;
import dev.kelpie.core.source.Source;
import dev.kelpie.core.sync.SyncSettings;
import dev.kelpie.testkit.InMemoryCluster;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The process dies between any two calls to the cluster (before a call is sent, or after the
 * server carried it out but before the answer arrived). A fresh reconciler, which knows only
 * what the cluster holds, then finishes the job: the cluster equals Git, what left Git is
 * pruned, and an object nobody manages survives.
 */
class CrashRecoveryTest {

    /** What killing the process looks like to the code under test: nothing catches it. */
    static final class Crash extends Error {
        Crash(int call) {
            super("simulated crash at cluster call " + call, null, false, false);
        }
    }

    /** Counts calls and crashes at the chosen one, before or after carrying it out. */
    static final class CrashingBackend implements Backend {
        private final Backend delegate;
        private final int crashAt;
        private final boolean afterCall;
        private int calls;

        CrashingBackend(Backend delegate, int crashAt, boolean afterCall) {
            this.delegate = delegate;
            this.crashAt = crashAt;
            this.afterCall = afterCall;
        }

        private <T> T call(Supplier<T> action) {
            int n = ++calls;
            if (n == crashAt && !afterCall) {
                throw new Crash(n);
            }
            T out = action.get();
            if (n == crashAt) {
                throw new Crash(n);
            }
            return out;
        }

        @Override
        public Discovery discovery() {
            return delegate.discovery();
        }

        @Override
        public Optional<Resource> get(ResourceId id) {
            return call(() -> delegate.get(id));
        }

        @Override
        public List<Resource> list(ListQuery query) {
            return call(() -> delegate.list(query));
        }

        @Override
        public Resource create(Resource resource, WriteOptions options) {
            return call(() -> delegate.create(resource, options));
        }

        @Override
        public Resource update(Resource resource, WriteOptions options) {
            return call(() -> delegate.update(resource, options));
        }

        @Override
        public Resource patch(ResourceId id, PatchType type, JsonNode patch, WriteOptions options) {
            return call(() -> delegate.patch(id, type, patch, options));
        }

        @Override
        public Resource apply(Resource resource, WriteOptions options) {
            return call(() -> delegate.apply(resource, options));
        }

        @Override
        public Optional<Resource> delete(ResourceId id, DeleteOptions options) {
            return call(() -> delegate.delete(id, options));
        }

        @Override
        public Watch watch(ListQuery query, String fromResourceVersion, Consumer<WatchEvent> listener) {
            return delegate.watch(query, fromResourceVersion, listener);
        }
    }

    private final AtomicReference<Map<String, String>> git = new AtomicReference<>();
    private final Application app = Application.builder().name("crashy").source("memory", "main", "app")
            .destinationNamespace("apps").syncPolicy(SyncPolicy.automated().prune(true).selfHeal(true)).build();

    private Source source() {
        return Source.of("memory", revision -> {
            InMemoryFileTree.Builder b = InMemoryFileTree.builder();
            git.get().forEach((name, value) -> b.file("app/" + name + ".yaml", "apiVersion: v1\nkind: ConfigMap\n"
                    + "metadata:\n  name: " + name + "\ndata:\n  v: \"" + value + "\"\n"));
            return new Snapshot(Integer.toHexString(git.get().hashCode()), b.build());
        });
    }

    private ReconcileResult pass(Backend backend) {
        try (Reconciler r = Reconciler.builder().backend(backend).sources(s -> source())
                .syncSettings(SyncSettings.builder().waitForHealth(false).build()).build()) {
            return r.reconcile(app);
        }
    }

    @Test
    void aCrashBetweenAnyTwoClusterCallsIsRepairedByTheNextPass() {
        int crashes = 0;
        for (boolean afterCall : new boolean[] {false, true}) {
            for (int crashAt = 1; ; crashAt++) {
                InMemoryCluster cluster = InMemoryCluster.builder().namespaces("apps").build();
                git.set(Map.of("keep", "1", "change", "old", "gone", "x"));
                assertThat(pass(cluster).phase()).isEqualTo(ReconcileResult.Phase.SUCCEEDED);
                ObjectNode foreign = JsonNodeFactory.instance.objectNode();
                foreign.put("apiVersion", "v1").put("kind", "ConfigMap");
                foreign.putObject("metadata").put("name", "not-ours").put("namespace", "apps");
                cluster.apply(Resource.of(foreign), WriteOptions.defaults().withFieldManager("someone-else"));

                git.set(Map.of("keep", "1", "change", "new", "added", "y"));
                CrashingBackend crashing = new CrashingBackend(cluster, crashAt, afterCall);
                boolean crashed;
                try {
                    pass(crashing);
                    crashed = false;
                } catch (Crash expected) {
                    crashed = true;
                    crashes++;
                }

                ReconcileResult recovery = pass(cluster);
                String where = (afterCall ? "after" : "before") + " call " + crashAt + ": " + recovery;
                assertThat(recovery.phase()).as(where).isEqualTo(ReconcileResult.Phase.SUCCEEDED);
                assertThat(configMaps(cluster)).as(where)
                        .isEqualTo(new TreeMap<>(Map.of("keep", "1", "change", "new", "added", "y")));
                assertThat(cluster.get(ResourceId.of("v1", "ConfigMap", "apps", "not-ours"))).as(where).isPresent();
                if (!crashed) {
                    break;
                }
            }
        }
        assertThat(crashes).as("the scenario must crash at many points").isGreaterThan(6);
        assertThatThrownBy(() -> pass(new CrashingBackend(InMemoryCluster.create(), 1, false))).isInstanceOf(Crash.class);
    }

    private static Map<String, String> configMaps(InMemoryCluster cluster) {
        Map<String, String> out = new TreeMap<>();
        for (Resource cm : cluster.list(ListQuery.of("", "ConfigMap").inNamespace("apps"))) {
            if (!cm.name().startsWith("kelpie-") && !cm.name().equals("not-ours")) {
                out.put(cm.name(), cm.unsafeTree().at("/data/v").asText());
            }
        }
        return out;
    }
}
