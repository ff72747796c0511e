package dev.kelpie.examples.cli;

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

    @Override
    public Integer call() throws IOException {
        Path dir = workDir != null ? Files.createDirectories(workDir) : Files.createTempDirectory("kelpie-demo");
        boolean ok = new SeedDemo(dir, spec.commandLine().getOut()).run();
        return ok ? 0 : 1;
    }
}
