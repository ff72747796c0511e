package dev.kelpie.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kelpie.core.yaml.YamlCodec;
import java.io.IOException;
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
 * Reading manifests: Kelpie's YAML codec on a stream of realistic Deployments, against Jackson
 * parsing the same objects as JSON (the baseline other benchmarks compare with).
 *
 * <p>Run: {@code mvn -q -pl benchmarks -am package -DskipTests && java -jar
 * benchmarks/target/kelpie-benchmarks.jar YamlReadBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class YamlReadBenchmark {
    @Param({"1000"})
    int objects;

    String yaml;
    String json;
    final ObjectMapper mapper = new ObjectMapper();

    @Setup
    public void setUp() {
        yaml = SampleManifests.deploymentsYaml(objects);
        json = SampleManifests.deploymentsJson(objects);
    }

    @Benchmark
    public Object kelpieYaml() {
        return YamlCodec.defaults().readResources("bench.yaml", yaml);
    }

    @Benchmark
    public Object jacksonJson() throws IOException {
        return mapper.readTree(json);
    }
}
