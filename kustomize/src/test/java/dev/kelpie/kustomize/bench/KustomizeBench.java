package dev.kelpie.kustomize.bench;

import dev.kelpie.core.model.Resource;
import dev.kelpie.kustomize.Kustomize;
import dev.kelpie.core.source.DirectorySource;
import dev.kelpie.core.source.FileTree;
import java.nio.file.Path;
import java.util.List;

/**
 * A manual benchmark, not part of the test run: renders a tree made by the shared
 * {@code gen_kustomize_tree.py} several times in one JVM and prints cold and warm times.
 *
 * <pre>
 * python3 gen_kustomize_tree.py --services 50 --overlays 5 --out /tmp/tree
 * java -cp ... dev.kelpie.kustomize.bench.KustomizeBench /tmp/tree clusters/all 10
 * </pre>
 */
public final class KustomizeBench {
    private KustomizeBench() {
    }

    public static void main(String[] args) {
        FileTree tree = DirectorySource.of(Path.of(args[0])).tree();
        String dir = args.length > 1 ? args[1] : "clusters/all";
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Kustomize k = Kustomize.defaults();
        for (int i = 0; i < runs; i++) {
            var mx = java.lang.management.ManagementFactory.getThreadMXBean();
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            List<Resource> out = k.buildList(tree, dir);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            long cpu = (mx.getCurrentThreadCpuTime() - c0) / 1_000_000;
            System.out.println("run " + i + ": " + out.size() + " objects in " + ms + " ms (" + cpu + " ms CPU)");
        }
    }
}
