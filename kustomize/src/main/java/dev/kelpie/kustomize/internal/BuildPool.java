package dev.kelpie.kustomize.internal;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * The pool in which builds accumulate independent kustomizations (overlays of one cluster,
 * services of one base) in parallel: one worker per processor, at most four, daemon threads,
 * made on first use and shared by all builds. Holds no build state.
 */
final class BuildPool {
    private BuildPool() {
    }

    private static final class Holder {
        static final ForkJoinPool POOL = create();
    }

    /** The shared pool, or null on a single processor (builds then run in the caller's thread). */
    static ForkJoinPool get() {
        return Runtime.getRuntime().availableProcessors() < 2 ? null : Holder.POOL;
    }

    private static ForkJoinPool create() {
        int n = Math.min(4, Runtime.getRuntime().availableProcessors());
        return new ForkJoinPool(n, pool -> {
            ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            t.setName("kelpie-kustomize-" + t.getPoolIndex());
            t.setDaemon(true);
            return t;
        }, null, false);
    }
}
