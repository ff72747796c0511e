package dev.kelpie.benchmarks;

import dev.kelpie.core.app.Application;
import dev.kelpie.core.app.SyncOptions;
import dev.kelpie.core.app.SyncPolicy;
import dev.kelpie.core.reconcile.ReconcileResult;
import dev.kelpie.core.reconcile.Reconciler;
import dev.kelpie.core.source.InMemoryFileTree;
import dev.kelpie.core.source.Snapshot;
import dev.kelpie.core.source.Source;
import dev.kelpie.core.sync.SyncSettings;
import dev.kelpie.testkit.InMemoryCluster;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The reconcile loop's two sizing scenarios, on the in-memory cluster:
 * <ol>
 *   <li>steady state: {@code apps} applications of {@code objects} objects each (10% Deployments,
 *       20% Services, 70% ConfigMaps), all in sync; one sweep reconciles every application once
 *       (nothing to change) on {@code threads} workers;</li>
 *   <li>first sync: one application of {@code big} objects into an empty cluster.</li>
 * </ol>
 * Prints the wall time of each and the heap in use after a full GC.
 *
 * <p>Run: {@code mvn -q -pl benchmarks -am package -DskipTests && java -Xmx512m -cp
 * benchmarks/target/kelpie-benchmarks.jar dev.kelpie.benchmarks.ReconcileSweep [apps] [objects] [big] [threads]}
 * (defaults 1000 100 10000 2).
 */
public final class ReconcileSweep {
    private ReconcileSweep() {
    }

    public static void main(String[] args) throws Exception {
        int apps = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int objects = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int big = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;

        InMemoryCluster cluster = InMemoryCluster.create();
        Map<String, Snapshot> repos = new HashMap<>();
        List<Application> list = new ArrayList<>();
        for (int a = 0; a < apps; a++) {
            String name = "app-" + a;
            repos.put(name, snapshot(name, objects, a));
            list.add(app(name, name));
        }
        Reconciler reconciler = Reconciler.builder().backend(cluster)
                .sources(s -> memory(repos.get(s.repoUrl())))
                .syncSettings(SyncSettings.builder().waitForHealth(false).build())
                .build();
        long t0 = System.nanoTime();
        sweep(reconciler, list, threads, true);
        System.out.printf("first sync of %d apps x %d objects: %.2f s (%d objects in the cluster)%n", apps, objects,
                (System.nanoTime() - t0) / 1e9, cluster.size());
        for (int round = 1; round <= 3; round++) {
            long t = System.nanoTime();
            int changed = sweep(reconciler, list, threads, false);
            System.out.printf("steady-state sweep %d: %.3f s (%d apps changed something)%n", round,
                    (System.nanoTime() - t) / 1e9, changed);
        }
        System.out.printf("heap in use after GC: %d MiB%n", heapMiB());
        reconciler.close();

        InMemoryCluster empty = InMemoryCluster.create();
        Map<String, Snapshot> one = Map.of("big", snapshot("big", big, 7));
        try (Reconciler r = Reconciler.builder().backend(empty).sources(s -> memory(one.get(s.repoUrl())))
                .syncSettings(SyncSettings.builder().waitForHealth(false).build()).build()) {
            long t = System.nanoTime();
            ReconcileResult res = r.reconcile(app("big", "big"));
            System.out.printf("first sync of one %d-object application: %.2f s (%s)%n", big,
                    (System.nanoTime() - t) / 1e9, res.phase());
            long t2 = System.nanoTime();
            ReconcileResult again = r.reconcile(app("big", "big"));
            System.out.printf("second pass over it (nothing to change): %.2f s (%s, %s)%n", (System.nanoTime() - t2) / 1e9,
                    again.phase(), again.counts());
        }
        System.out.printf("heap in use after GC: %d MiB%n", heapMiB());
    }

    private static int sweep(Reconciler reconciler, List<Application> apps, int threads, boolean first) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<ReconcileResult>> fs = new ArrayList<>();
            for (Application a : apps) {
                fs.add(pool.submit(() -> reconciler.reconcile(a)));
            }
            int changed = 0;
            Map<String, Long> stages = new java.util.TreeMap<>();
            for (Future<ReconcileResult> f : fs) {
                ReconcileResult r = f.get();
                r.timings().forEach((k, v) -> stages.merge(k, v.toMillis(), Long::sum));
                if (r.phase() != ReconcileResult.Phase.SUCCEEDED) {
                    throw new IllegalStateException(r.toString());
                }
                if (r.changedCluster()) {
                    changed++;
                }
            }
            System.out.println("    time per stage, summed over apps (ms): " + stages);
            return changed;
        } finally {
            pool.shutdown();
        }
    }

    private static Application app(String name, String repo) {
        return Application.builder().name(name).source(repo, "main", "deploy").destinationNamespace(name)
                .syncPolicy(SyncPolicy.automated().prune(true).selfHeal(true))
                .syncOptions(SyncOptions.parse(List.of("CreateNamespace=true"), new ArrayList<>())).build();
    }

    private static Source memory(Snapshot s) {
        return Source.of("memory", revision -> s);
    }

    private static Snapshot snapshot(String name, int objects, int seed) {
        InMemoryFileTree.Builder b = InMemoryFileTree.builder().name(name);
        for (int i = 0; i < objects; i++) {
            String doc;
            if (i % 10 == 0) {
                doc = SampleManifests.deploymentYaml(i).replaceAll("  namespace: team-\\d+\\n", "");
            } else if (i % 10 < 3) {
                doc = "apiVersion: v1\nkind: Service\nmetadata:\n  name: svc-" + i + "\nspec:\n  selector:\n    app: a" + i
                        + "\n  ports:\n  - port: 80\n    targetPort: 8080\n";
            } else {
                doc = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-" + i + "\ndata:\n  key: value-" + i
                        + "\n  other: \"" + (seed * 31 + i) + "\"\n";
            }
            b.file("deploy/o-" + i + ".yaml", doc);
        }
        String rev = String.format("%040x", (long) name.hashCode() & 0xffffffffL);
        return new Snapshot(rev, b.build());
    }

    private static long heapMiB() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
    }
}
