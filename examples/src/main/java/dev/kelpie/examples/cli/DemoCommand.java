package dev.kelpie.examples.cli;

import dev.kelpie.examples.demo.RepositoryDemo;
import dev.kelpie.examples.demo.SeedDemo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kelpie demo}: the seed scenario on the embedded in-memory cluster. */
@Command(name = "demo", description = "Run the seed GitOps scenario on an embedded in-memory cluster.")
public final class DemoCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--work-dir", description = "where to put the demo repository and Git cache (default: a temporary folder)")
    Path workDir;

    @Option(names = "--repo", paramLabel = "URL|PATH", description = "run the loop against this repository instead of the seed")
    String repo;

    @Option(names = "--path", defaultValue = ".", paramLabel = "P", description = "path inside --repo")
    String path;

    @Option(names = "--revision", defaultValue = "HEAD", paramLabel = "REV")
    String revision;

    @Option(names = {"-n", "--namespace"}, defaultValue = "default", paramLabel = "NS")
    String namespace;

    @Option(names = "--watch", paramLabel = "SECONDS", defaultValue = "0",
            description = "with --repo: keep the loop running this long, healing drift and following Git")
    int watchSeconds;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path dir = workDir != null ? Files.createDirectories(workDir) : Files.createTempDirectory("kelpie-demo");
        if (repo != null) {
            return new RepositoryDemo(dir, spec.commandLine().getOut()).run(repo, revision, path, namespace, watchSeconds) ? 0 : 1;
        }
        boolean ok = new SeedDemo(dir, spec.commandLine().getOut()).run();
        return ok ? 0 : 1;
    }
}
