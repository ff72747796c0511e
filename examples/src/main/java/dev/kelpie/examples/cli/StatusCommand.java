package dev.kelpie.examples.cli;

import dev.kelpie.core.app.Application;
import dev.kelpie.core.reconcile.ReconcileResult;
import dev.kelpie.core.reconcile.Reconciler;
import dev.kelpie.examples.demo.ResourceTable;
import dev.kelpie.testkit.InMemoryCluster;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code kelpie status}: compares Git with the persisted embedded cluster, changing nothing. */
@Command(name = "status", description = "Show sync and health of an application in the embedded cluster kept in --state.")
public final class StatusCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    EmbeddedClusterOptions options;

    @Override
    public Integer call() {
        Application app = options.application();
        InMemoryCluster cluster = options.loadCluster();
        ReconcileResult r;
        try (Reconciler reconciler = options.reconciler(cluster)) {
            r = reconciler.check(app);
        }
        var out = spec.commandLine().getOut();
        ResourceTable.printPlan(r, out);
        ResourceTable.printTable(r, out);
        out.flush();
        return switch (r.phase()) {
            case SUCCEEDED -> 0;
            case DETECTED -> 3;
            default -> 1;
        };
    }
}
