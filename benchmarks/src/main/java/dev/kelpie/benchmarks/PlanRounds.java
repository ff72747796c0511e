package dev.kelpie.benchmarks;

import dev.kelpie.core.plan.SyncPlan;
import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * {@link PlanBenchmark}'s two measurements interleaved: each round plans the 10,000 objects once
 * with the three-way diff and once with a constant comparison (ordering and prune guards only),
 * after a warm-up, and reports best and median times, wall-clock and CPU time of the process
 * (less sensitive to other load than wall-clock time). On a shared machine both then see the same
 * load. Run by hand (see {@code benchmarks/README.md}):
 * {@code java -cp benchmarks/target/kelpie-benchmarks.jar dev.kelpie.benchmarks.PlanRounds 10000 15}
 */
public final class PlanRounds {
    private PlanRounds() {
    }

    /** CPU time of the whole process (planning threads, and garbage collection it causes). */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    public static void main(String[] args) {
        int objects = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        PlanBenchmark b = new PlanBenchmark();
        b.objects = objects;
        b.setUp();
        long[] plan = new long[rounds];
        long[] ordering = new long[rounds];
        long[] planCpu = new long[rounds];
        long[] orderingCpu = new long[rounds];
        long[] first = new long[2];
        long sink = 0;
        for (int r = -warmup; r < rounds; r++) {
            long c0 = cpu();
            long t0 = System.nanoTime();
            SyncPlan p = b.plan();
            long t1 = System.nanoTime();
            long c1 = cpu();
            SyncPlan q = b.planOrderingOnly();
            long t2 = System.nanoTime();
            long c2 = cpu();
            sink += p.steps().size() + q.steps().size();
            if (r == -warmup) {
                first[0] = t1 - t0;
                first[1] = t2 - t1;
            }
            if (r >= 0) {
                plan[r] = t1 - t0;
                ordering[r] = t2 - t1;
                planCpu[r] = c1 - c0;
                orderingCpu[r] = c2 - c1;
            }
        }
        Arrays.sort(plan);
        Arrays.sort(ordering);
        Arrays.sort(planCpu);
        Arrays.sort(orderingCpu);
        System.out.printf("objects=%d rounds=%d warm-up=%d (sink %d)%n", objects, rounds, warmup, sink);
        System.out.printf("plan (three-way diff): first %.0f ms, best %.0f ms, median %.0f ms; CPU (all threads) best %.0f ms,"
                + " median %.0f ms%n", first[0] / 1e6, plan[0] / 1e6, plan[rounds / 2] / 1e6, planCpu[0] / 1e6,
                planCpu[rounds / 2] / 1e6);
        System.out.printf("plan (ordering only):  first %.0f ms, best %.0f ms, median %.0f ms; CPU (all threads) best %.0f ms,"
                + " median %.0f ms%n", first[1] / 1e6, ordering[0] / 1e6, ordering[rounds / 2] / 1e6,
                orderingCpu[0] / 1e6, orderingCpu[rounds / 2] / 1e6);
    }
}
