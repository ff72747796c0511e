package dev.kelpie.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.core.model.Manifests;
import dev.kelpie.core.model.Resource;
import dev.kelpie.core.model.ResourceId;
import dev.kelpie.core.plan.Inventory;
import dev.kelpie.core.plan.LiveComparison;
import dev.kelpie.core.plan.PlanSettings;
import dev.kelpie.core.plan.Planner;
import dev.kelpie.core.plan.PrunePolicy;
import dev.kelpie.core.plan.SyncAnnotations;
import dev.kelpie.core.plan.SyncPlan;
import dev.kelpie.core.yaml.YamlCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Planning a sync of 10,000 objects: {@link Planner#plan} on desired Deployments, Services and
 * ConfigMaps in 50 namespaces over five sync waves, against live objects that carry
 * last-applied configurations (one in ten drifted in a field Git sets, one in twenty missing),
 * plus 500 inventory objects to prune. {@code plan} includes the diff module's three-way diff of
 * every object; {@code planOrderingOnly} replaces it with a constant comparison to isolate the
 * planner's own work (ordering, prune guards). Target: 200 ms per plan of 10,000 objects.
 *
 * <p>Run: {@code mvn -q -pl benchmarks -am package -DskipTests && java -jar
 * benchmarks/target/kelpie-benchmarks.jar PlanBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PlanBenchmark {
    @Param({"10000"})
    int objects;

    Manifests desired;
    Manifests live;
    Inventory inventory;
    final PlanSettings settings = PlanSettings.of("bench").withPrune(PrunePolicy.on());
    final Planner planner = Planner.create();
    final Planner orderingOnly = Planner.withComparison((d, l) -> LiveComparison.Verdict.matching());

    @Setup
    public void setUp() {
        YamlCodec yaml = YamlCodec.defaults();
        List<Resource> d = new ArrayList<>();
        List<Resource> l = new ArrayList<>();
        List<ResourceId> inv = new ArrayList<>();
        for (int i = 0; i < objects; i++) {
            Resource r = object(yaml, i);
            d.add(r);
            inv.add(r.id());
            if (i % 20 == 7) {
                continue;   // missing live: create
            }
            Resource c = r.withAnnotation(SyncAnnotations.LAST_APPLIED, yaml.writeJson(r.unsafeTree()).replace("\n", ""));
            if (i % 10 == 3) {
                c = c.withAnnotation(SyncAnnotations.SYNC_WAVE, "9");   // someone changed a field Git sets
            }
            l.add(c.edit(t -> ((ObjectNode) t.get("metadata")).put("resourceVersion", "1").put("uid", "u")));
        }
        for (int i = 0; i < 500; i++) {
            Resource gone = object(yaml, objects + i);
            l.add(gone);
            inv.add(gone.id());
        }
        desired = Manifests.of(d);
        live = Manifests.of(l);
        inventory = Inventory.of(inv);
    }

    @Benchmark
    public SyncPlan plan() {
        return planner.plan(desired, live, inventory, settings);
    }

    @Benchmark
    public SyncPlan planOrderingOnly() {
        return orderingOnly.plan(desired, live, inventory, settings);
    }

    private static Resource object(YamlCodec yaml, int i) {
        String ns = "ns-" + (i % 50);
        String wave = Integer.toString(i % 5 - 2);
        String text = switch (i % 3) {
            case 0 -> """
                    apiVersion: apps/v1
                    kind: Deployment
                    metadata: {name: app-%d, namespace: %s, annotations: {argocd.argoproj.io/sync-wave: "%s"}}
                    spec:
                      replicas: 2
                      selector: {matchLabels: {app: app-%d}}
                      template:
                        metadata: {labels: {app: app-%d}}
                        spec:
                          containers:
                          - name: app
                            image: registry.example/app:%d
                            ports: [{containerPort: 8080}]
                            resources: {requests: {cpu: 100m, memory: 128Mi}}
                    """.formatted(i, ns, wave, i, i, i);
            case 1 -> """
                    apiVersion: v1
                    kind: Service
                    metadata: {name: svc-%d, namespace: %s, annotations: {argocd.argoproj.io/sync-wave: "%s"}}
                    spec:
                      selector: {app: app-%d}
                      ports: [{port: 80, targetPort: 8080}]
                    """.formatted(i, ns, wave, i);
            default -> """
                    apiVersion: v1
                    kind: ConfigMap
                    metadata: {name: cfg-%d, namespace: %s, annotations: {argocd.argoproj.io/sync-wave: "%s"}}
                    data: {key: value-%d, other: "%d"}
                    """.formatted(i, ns, wave, i, i);
        };
        return yaml.readResources("bench-" + i + ".yaml", text).get(0);
    }
}
