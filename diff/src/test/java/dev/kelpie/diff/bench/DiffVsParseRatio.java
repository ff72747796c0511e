package dev.kelpie.diff.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.kelpie.diff.Differ;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The same measurement as {@link ThreeWayDiffBenchmark}, interleaved: rounds alternate one
 * parse pass and one diff pass over the 10,000 resources and report the best and median times
 * and their ratio. On a shared, loaded machine alternating keeps both sides under the same
 * load, so the ratio is steadier than two JMH runs one after the other. Run by hand:
 * {@code diff/bench/run-benchmark.sh} with the main class, see {@code diff/bench/README.md}.
 */
public final class DiffVsParseRatio {
    private DiffVsParseRatio() {
    }

    public static void main(String[] args) throws IOException {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        List<BenchResources.Triple> triples = BenchResources.generate(count, 42);
        List<byte[]> json = new ArrayList<>();
        for (BenchResources.Triple t : triples) {
            json.add(t.lastApplied().toString().getBytes(StandardCharsets.UTF_8));
            json.add(t.desired().toString().getBytes(StandardCharsets.UTF_8));
            json.add(t.live().toString().getBytes(StandardCharsets.UTF_8));
        }
        ObjectMapper mapper = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
        Differ differ = Differ.builder().build();
        long[] parse = new long[rounds];
        long[] diff = new long[rounds];
        long sink = 0;
        for (int r = -3; r < rounds; r++) {
            long t0 = System.nanoTime();
            for (byte[] b : json) {
                sink += mapper.readTree(b).size();
            }
            long t1 = System.nanoTime();
            for (BenchResources.Triple t : triples) {
                sink += differ.threeWay(t.lastApplied(), t.desired(), t.live()).modified() ? 1 : 0;
            }
            long t2 = System.nanoTime();
            if (r >= 0) {
                parse[r] = t1 - t0;
                diff[r] = t2 - t1;
            }
        }
        Arrays.sort(parse);
        Arrays.sort(diff);
        double bestParse = parse[0] / 1e6;
        double bestDiff = diff[0] / 1e6;
        double medParse = parse[rounds / 2] / 1e6;
        double medDiff = diff[rounds / 2] / 1e6;
        System.out.printf("resources=%d rounds=%d (sink %d)%n", count, rounds, sink);
        System.out.printf("parse (3 docs each): best %.0f ms, median %.0f ms%n", bestParse, medParse);
        System.out.printf("three-way diff:      best %.0f ms, median %.0f ms -> %.0f resources/s (best)%n",
                bestDiff, medDiff, count / (bestDiff / 1000));
        System.out.printf("ratio diff/parse:    best %.2f, median %.2f%n", bestDiff / bestParse, medDiff / medParse);
    }
}
