package dev.kelpie.benchmarks;

import dev.kelpie.core.source.FileTree;
import dev.kelpie.core.source.InMemoryFileTree;
import dev.kelpie.kustomize.Kustomize;
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
 * A warm {@code kustomize build} of a monorepo shaped like the shared benchmark trees: a base of
 * {@code services} services (ServiceAccount, Deployment, Service, HPA, NetworkPolicy and two
 * generated objects each) under five overlays (namespace, labels, annotations, an image and a
 * replica count per service, a merged ConfigMap per service, a strategic-merge and a JSON 6902
 * patch with selectors), all gathered by one cluster kustomization: {@code services × 7 × 5 + 5}
 * objects. Parallel (the library default) and sequential (the CLI's mode).
 *
 * <p>Run: {@code mvn -q -pl benchmarks -am package -DskipTests && java -jar
 * benchmarks/target/kelpie-benchmarks.jar KustomizeBuild}. The cold, whole-process comparison
 * with {@code kubectl kustomize} is {@code benchmarks/scripts/kustomize-cold.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class KustomizeBuildBenchmark {
    @Param({"50", "250"})
    int services;

    FileTree tree;
    final Kustomize parallel = Kustomize.defaults();
    final Kustomize sequential = Kustomize.builder().parallel(false).build();

    @Setup
    public void setUp() {
        tree = monorepo(services, 5);
    }

    @Benchmark
    public Object parallelBuild() {
        return parallel.buildList(tree, "clusters/all");
    }

    @Benchmark
    public Object sequentialBuild() {
        return sequential.buildList(tree, "clusters/all");
    }

    static FileTree monorepo(int services, int overlays) {
        InMemoryFileTree.Builder b = InMemoryFileTree.builder();
        StringBuilder base = new StringBuilder("resources:\n");
        for (int s = 0; s < services; s++) {
            String n = "svc" + s;
            base.append("- services/").append(n).append('\n');
            String dir = "base/services/" + n + "/";
            b.file(dir + "kustomization.yaml", "resources:\n- sa.yaml\n- deployment.yaml\n- service.yaml\n- hpa.yaml\n"
                    + "- netpol.yaml\nconfigMapGenerator:\n- name: " + n + "-config\n  literals:\n  - LOG_LEVEL=info\n"
                    + "  - SERVICE=" + n + "\nsecretGenerator:\n- name: " + n + "-credentials\n  literals:\n"
                    + "  - PASSWORD=placeholder\n");
            b.file(dir + "sa.yaml", "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: " + n + "\n");
            b.file(dir + "deployment.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: " + n
                    + "\n  labels:\n    app: " + n + "\n    tier: " + (s % 2 == 0 ? "web" : "worker")
                    + "\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: " + n + "\n  template:\n"
                    + "    metadata:\n      labels:\n        app: " + n + "\n    spec:\n      serviceAccountName: " + n
                    + "\n      containers:\n      - name: app\n        image: ghcr.io/acme/" + n + ":1.0.0\n"
                    + "        ports:\n        - containerPort: 8080\n        envFrom:\n        - configMapRef:\n"
                    + "            name: " + n + "-config\n        - secretRef:\n            name: " + n + "-credentials\n"
                    + "        resources:\n          requests:\n            cpu: 100m\n            memory: 128Mi\n");
            b.file(dir + "service.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: " + n + "\nspec:\n"
                    + "  selector:\n    app: " + n + "\n  ports:\n  - port: 80\n    targetPort: 8080\n");
            b.file(dir + "hpa.yaml", "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: " + n
                    + "\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: " + n
                    + "\n  minReplicas: 2\n  maxReplicas: 10\n");
            b.file(dir + "netpol.yaml", "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: " + n
                    + "\nspec:\n  podSelector:\n    matchLabels:\n      app: " + n + "\n  policyTypes:\n  - Ingress\n");
        }
        b.file("base/kustomization.yaml", base.toString());
        StringBuilder all = new StringBuilder("resources:\n");
        for (int o = 0; o < overlays; o++) {
            String env = "env" + o;
            all.append("- ../../overlays/").append(env).append('\n');
            StringBuilder k = new StringBuilder("namespace: shop-" + env + "\nresources:\n- namespace.yaml\n- ../../base\n"
                    + "labels:\n- pairs:\n    acme.example/env: " + env + "\n  includeTemplates: true\n"
                    + "commonAnnotations:\n  acme.example/region: region-" + o + "\nimages:\n");
            for (int s = 0; s < services; s++) {
                k.append("- name: ghcr.io/acme/svc").append(s).append("\n  newTag: ").append(o).append('.').append(s)
                        .append(".0\n");
            }
            k.append("replicas:\n");
            for (int s = 0; s < services; s++) {
                k.append("- name: svc").append(s).append("\n  count: ").append(1 + o % 3).append('\n');
            }
            k.append("configMapGenerator:\n");
            for (int s = 0; s < services; s++) {
                k.append("- name: svc").append(s).append("-config\n  behavior: merge\n  literals:\n  - ENVIRONMENT=")
                        .append(env).append('\n');
            }
            k.append("patches:\n- target:\n    kind: Deployment\n    labelSelector: tier=worker\n  patch: |-\n"
                    + "    apiVersion: apps/v1\n    kind: Deployment\n    metadata:\n      name: worker\n    spec:\n"
                    + "      template:\n        spec:\n          nodeSelector:\n            pool: shared\n"
                    + "- target:\n    kind: HorizontalPodAutoscaler\n    name: \".*1\"\n  patch: |-\n"
                    + "    - op: replace\n      path: /spec/maxReplicas\n      value: 3\n");
            b.file("overlays/" + env + "/kustomization.yaml", k.toString());
            b.file("overlays/" + env + "/namespace.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop-" + env
                    + "\n");
        }
        b.file("clusters/all/kustomization.yaml", all + "labels:\n- pairs:\n    app.kubernetes.io/part-of: acme-shop\n");
        return b.build();
    }
}
