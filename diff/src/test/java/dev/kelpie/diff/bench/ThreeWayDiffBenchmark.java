package dev.kelpie.diff.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.kelpie.diff.DiffResult;
import dev.kelpie.diff.Differ;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Three-way diff of 10,000 realistic resources (half Deployments with 2-4 containers, env,
 * ports, probes and volumes; Services; ConfigMaps; live objects server-defaulted, one in ten
 * drifted) on one thread, against merely parsing the same JSON (last-applied, desired and live
 * of each) with Jackson. Each invocation handles all resources: resources/second = count /
 * score. Run by hand: {@code diff/bench/run-benchmark.sh} (see {@code diff/bench/README.md}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Threads(1)
public class ThreeWayDiffBenchmark {
    @Param({"10000"})
    int count;

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private List<BenchResources.Triple> triples;
    private List<byte[]> json;
    private Differ differ;

    @Setup
    public void setUp() throws IOException {
        triples = BenchResources.generate(count, 42);
        json = new ArrayList<>(count * 3);
        for (BenchResources.Triple t : triples) {
            json.add(t.lastApplied().toString().getBytes(StandardCharsets.UTF_8));
            json.add(t.desired().toString().getBytes(StandardCharsets.UTF_8));
            json.add(t.live().toString().getBytes(StandardCharsets.UTF_8));
        }
        differ = Differ.builder().build();
    }

    /** Parsing the three JSON documents of every resource: the baseline. */
    @Benchmark
    public void parseJson(Blackhole bh) throws IOException {
        for (byte[] b : json) {
            JsonNode n = mapper.readTree(b);
            bh.consume(n);
        }
    }

    /** The three-way diff of every resource (trees already parsed). */
    @Benchmark
    public int threeWayDiff(Blackhole bh) {
        int modified = 0;
        for (BenchResources.Triple t : triples) {
            DiffResult r = differ.threeWay(t.lastApplied(), t.desired(), t.live());
            if (r.modified()) {
                modified++;
            }
            bh.consume(r);
        }
        return modified;
    }
}
