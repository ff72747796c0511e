package dev.kelpie.core.bench;

import dev.kelpie.core.source.FileTree;
import dev.kelpie.core.source.GitSource;
import dev.kelpie.core.source.Snapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Compares reading a 10,000-file revision from a warm {@link GitSource} mirror (snapshot plus
 * reading every file from Git objects) with {@code git clone --depth 1 file://…} of the same
 * repository (which writes a checkout). The repository (10,000 YAML files in 100 folders, one
 * commit) is made with the {@code git} command in a temporary folder. Not a test (surefire
 * skips it by name); run by hand:
 * <pre>
 * mvn -q -o -pl core -am test-compile
 * mvn -q -o -pl core -am dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * (cd core &amp;&amp; java -cp target/test-classes:target/classes:../diff/target/classes:$(cat /tmp/cp.txt) \
 *     dev.kelpie.core.bench.SnapshotBenchmark)
 * </pre>
 * Prints medians of 7 runs after 2 warm-up runs each.
 */
public final class SnapshotBenchmark {
    private SnapshotBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path tmp = Files.createTempDirectory("kelpie-snapshot-bench");
        try {
            Path repo = tmp.resolve("repo");
            for (int i = 0; i < files; i++) {
                Path f = repo.resolve("apps/team-" + (i % 100) + "/cm-" + i + ".yaml");
                Files.createDirectories(f.getParent());
                Files.writeString(f, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-" + i + "\ndata:\n  k: v" + i + "\n");
            }
            git(repo, "init", "-q", "-b", "main");
            git(repo, "add", "-A");
            git(repo, "-c", "user.name=b", "-c", "user.email=b@example.invalid", "commit", "-q", "-m", "bench");
            try (GitSource source = GitSource.builder().path(repo).cacheDir(tmp.resolve("cache")).build()) {
                source.refresh();
                String head = source.resolve("main");
                long[] snap = time(9, 2, () -> readAll(source.snapshot(head)));
                long[] clone = time(9, 2, () -> {
                    Path dest = tmp.resolve("clone");
                    git(tmp, "clone", "-q", "--depth", "1", "file://" + repo, dest.toString());
                    delete(dest);
                });
                System.out.printf("%d files: snapshot+read from warm mirror median %.1f ms (best %.1f); "
                                + "git clone --depth 1 median %.1f ms (best %.1f); ratio %.1fx%n", files,
                        snap[snap.length / 2] / 1e6, snap[0] / 1e6, clone[clone.length / 2] / 1e6, clone[0] / 1e6,
                        (double) clone[clone.length / 2] / snap[snap.length / 2]);
            }
        } finally {
            delete(tmp);
        }
    }

    private interface Job {
        void run() throws Exception;
    }

    private static long[] time(int runs, int warmups, Job job) throws Exception {
        for (int i = 0; i < warmups; i++) {
            job.run();
        }
        long[] t = new long[runs - warmups];
        for (int i = 0; i < t.length; i++) {
            long t0 = System.nanoTime();
            job.run();
            t[i] = System.nanoTime() - t0;
        }
        Arrays.sort(t);
        return t;
    }

    private static long readAll(Snapshot s) {
        long bytes = 0;
        List<String> stack = new ArrayList<>(List.of(""));
        FileTree t = s.tree();
        while (!stack.isEmpty()) {
            String dir = stack.remove(stack.size() - 1);
            for (String name : t.list(dir)) {
                String p = dir.isEmpty() ? name : dir + "/" + name;
                if (t.isDirectory(p)) {
                    stack.add(p);
                } else {
                    bytes += t.read(p).length;
                }
            }
        }
        return bytes;
    }

    private static void git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException("git " + String.join(" ", args) + ": " + out);
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> w = Files.walk(dir)) {
            for (Path p : w.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
