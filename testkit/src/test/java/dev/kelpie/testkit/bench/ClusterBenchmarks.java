package dev.kelpie.testkit.bench;

import dev.kelpie.core.backend.ListQuery;
import dev.kelpie.core.backend.WriteOptions;
import dev.kelpie.core.model.Resource;
import dev.kelpie.core.yaml.YamlCodec;
import dev.kelpie.testkit.InMemoryCluster;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the in-memory cluster costs, on one thread:
 * <ul>
 * <li>{@code tenThousandServerSideApplies}: 10,000 server-side applies of distinct Deployments
 *     (defaulting, field ownership, managedFields, watch history) into a fresh cluster; divide
 *     10,000 by the time for applies per second.</li>
 * <li>{@code reapplyChangedDeployment}: one apply that changes replicas of a live Deployment.</li>
 * <li>{@code listByLabelOf100k}: list by label selector over 100,000 ConfigMaps (1,000 match).</li>
 * </ul>
 * Not part of the test run. Run by hand from the repository root:
 * <pre>
 * mvn -q -o -pl testkit -am test-compile -Dsurefire.skip=true
 * mvn -q -o -pl testkit dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -cp testkit/target/test-classes:testkit/target/classes:$(cat /tmp/cp.txt) org.openjdk.jmh.Main ClusterBenchmarks
 * </pre>
 */
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class ClusterBenchmarks {

    /** 10,000 distinct Deployments and a fresh cluster per invocation. */
    @State(Scope.Thread)
    public static class Fresh {
        List<Resource> deployments;
        InMemoryCluster cluster;

        @Setup(Level.Trial)
        public void trial() {
            deployments = new java.util.ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                deployments.add(deployment("app-" + i, 1 + i % 5));
            }
        }

        @Setup(Level.Invocation)
        public void freshCluster() {
            cluster = InMemoryCluster.builder().controllers(false).build();
        }
    }

    /** One live Deployment. */
    @State(Scope.Thread)
    public static class Live {
        InMemoryCluster cluster;
        Resource live;
        int replicas;

        @Setup(Level.Trial)
        public void trial() {
            cluster = InMemoryCluster.builder().controllers(false).watchHistory(16).build();
            live = deployment("live", 1);
            cluster.apply(live, WriteOptions.defaults());
        }
    }

    /** 100,000 ConfigMaps over 100 values of label app. */
    @State(Scope.Benchmark)
    public static class Big {
        InMemoryCluster cluster;

        @Setup(Level.Trial)
        public void trial() {
            cluster = InMemoryCluster.builder().controllers(false).watchHistory(1).build();
            for (int i = 0; i < 100_000; i++) {
                cluster.create(YamlCodec.defaults().readResources("bench.yaml", """
                        apiVersion: v1
                        kind: ConfigMap
                        metadata: {name: cm-%d, namespace: default, labels: {app: a%d, tier: t%d}}
                        data: {k: v}
                        """.formatted(i, i % 100, i % 7)).get(0), WriteOptions.defaults());
            }
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3)
    @Measurement(iterations = 5)
    public int tenThousandServerSideApplies(Fresh s) {
        for (Resource d : s.deployments) {
            s.cluster.apply(d, WriteOptions.defaults());
        }
        return s.cluster.size();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Resource reapplyChangedDeployment(Live s) {
        s.replicas = s.replicas % 9 + 1;
        int r = s.replicas;
        return s.cluster.apply(s.live.edit(t -> t.with("spec").put("replicas", r)), WriteOptions.defaults());
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int listByLabelOf100k(Big s) {
        return s.cluster.list(ListQuery.of("", "ConfigMap").withLabels(Map.of("app", "a42"))).size();
    }

    private static Resource deployment(String name, int replicas) {
        return YamlCodec.defaults().readResources("bench.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: %s, namespace: default, labels: {app: %s, team: bench}}
                spec:
                  replicas: %d
                  selector: {matchLabels: {app: %s}}
                  template:
                    metadata: {labels: {app: %s}}
                    spec:
                      containers:
                      - name: app
                        image: registry.gitlab.com/my-org/app:v2.4.1
                        ports: [{name: http, containerPort: 8080}]
                        env: [{name: MODE, value: bench}]
                        resources: {requests: {cpu: 250m, memory: 256Mi}, limits: {cpu: 500m, memory: 512Mi}}
                """.formatted(name, name, replicas, name, name)).get(0);
    }
}
