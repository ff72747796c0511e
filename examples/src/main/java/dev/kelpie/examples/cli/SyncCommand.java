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

/** {@code kelpie sync}: one reconcile pass against the persisted embedded cluster. */
@Command(name = "sync", description = "Sync an application once into the embedded cluster kept in --state.")
public final class SyncCommand implements Callable<Integer> {
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
            r = reconciler.sync(app);
        }
        options.saveCluster(cluster);
        var out = spec.commandLine().getOut();
        ResourceTable.printPlan(r, out);
        ResourceTable.printTable(r, out);
        out.flush();
        return r.phase() == ReconcileResult.Phase.SUCCEEDED ? 0 : 1;
    }
}
