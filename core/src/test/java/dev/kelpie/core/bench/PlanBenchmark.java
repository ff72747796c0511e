package dev.kelpie.core.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.core.model.Manifests;
import dev.kelpie.core.model.Resource;
import dev.kelpie.core.model.ResourceId;
import dev.kelpie.core.plan.Inventory;
import dev.kelpie.core.plan.PlanSettings;
import dev.kelpie.core.plan.Planner;
import dev.kelpie.core.plan.PrunePolicy;
import dev.kelpie.core.plan.SyncAnnotations;
import dev.kelpie.core.plan.SyncPlan;
import dev.kelpie.core.yaml.YamlCodec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Measures {@link Planner#plan} on 10,000 desired objects (Deployments, Services, ConfigMaps in
 * 50 namespaces, five sync waves) against 10,000 live objects that carry last-applied
 * configurations (one in ten drifted in a field Git sets, one in twenty missing) plus 500 inventory objects to
 * prune. Not a test: run by hand, e.g.
 * <pre>
 * mvn -q -o -pl core -am test-compile
 * java -cp core/target/test-classes:core/target/classes:$(cat cp.txt) dev.kelpie.core.bench.PlanBenchmark
 * </pre>
 * where {@code cp.txt} comes from {@code mvn -q -o -pl core dependency:build-classpath -Dmdep.outputFile=cp.txt}.
 * Arguments: object count (default 10000), and {@code ordering-only} to replace the diff with a
 * constant comparison. Prints the median and best of 10 timed runs after 5 warm-up runs.
 */
public final class PlanBenchmark {
    private PlanBenchmark() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        YamlCodec yaml = YamlCodec.defaults();
        List<Resource> desired = new ArrayList<>();
        List<Resource> live = new ArrayList<>();
        List<ResourceId> inventory = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Resource d = object(yaml, i);
            desired.add(d);
            inventory.add(d.id());
            if (i % 20 == 7) {
                continue;   // missing live: create
            }
            Resource l = d.withAnnotation(SyncAnnotations.LAST_APPLIED, yaml.writeJson(d.unsafeTree()).replace("\n", ""));
            if (i % 10 == 3) {
                l = l.withAnnotation(SyncAnnotations.SYNC_WAVE, "9");   // someone changed a field Git sets
            }
            live.add(l.edit(t -> ((ObjectNode) t.get("metadata")).put("resourceVersion", "1").put("uid", "u")));
        }
        for (int i = 0; i < 500; i++) {
            Resource gone = object(yaml, n + i);
            live.add(gone);
            inventory.add(gone.id());
        }
        Manifests d = Manifests.of(desired);
        Manifests l = Manifests.of(live);
        Inventory inv = Inventory.of(inventory);
        PlanSettings settings = PlanSettings.of("bench").withPrune(PrunePolicy.on());
        // "ordering-only" isolates the planner's own work from the diff module's comparison
        Planner planner = args.length > 1 && args[1].equals("ordering-only")
                ? Planner.withComparison((desiredObject, liveObject) -> dev.kelpie.core.plan.LiveComparison.Verdict.matching())
                : Planner.create();
        SyncPlan plan = null;
        for (int i = 0; i < 5; i++) {
            plan = planner.plan(d, l, inv, settings);
        }
        long[] times = new long[10];
        for (int i = 0; i < times.length; i++) {
            long t0 = System.nanoTime();
            plan = planner.plan(d, l, inv, settings);
            times[i] = System.nanoTime() - t0;
        }
        Arrays.sort(times);
        System.out.printf("plan of %d desired / %d live objects: median %.1f ms, best %.1f ms; counts %s%n",
                d.size(), l.size(), times[times.length / 2] / 1e6, times[0] / 1e6, plan.counts());
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
