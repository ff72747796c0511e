package dev.kelpie.examples.demo;

import dev.kelpie.core.app.Application;
import dev.kelpie.core.app.SyncOptions;
import dev.kelpie.core.app.SyncPolicy;
import dev.kelpie.core.reconcile.AppStatus;
import dev.kelpie.core.reconcile.ReconcileResult;
import dev.kelpie.core.reconcile.Reconciler;
import dev.kelpie.core.reconcile.SourceResolver;
import dev.kelpie.testkit.InMemoryCluster;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The reconcile loop against any repository, on the embedded cluster: one pass, then the loop for a while. */
public final class RepositoryDemo {
    private final Path workDir;
    private final PrintWriter out;

    public RepositoryDemo(Path workDir, PrintWriter out) {
        this.workDir = workDir;
        this.out = out;
    }

    public boolean run(String repo, String revision, String path, String namespace, int watchSeconds)
            throws InterruptedException {
        Application app = Application.builder().name("demo").source(repo, revision, path)
                .destinationNamespace(namespace)
                .syncPolicy(SyncPolicy.automated().prune(true).selfHeal(true))
                .syncOptions(SyncOptions.parse(List.of("CreateNamespace=true"), new ArrayList<>()))
                .build();
        InMemoryCluster cluster = InMemoryCluster.create();
        try (Reconciler reconciler = Reconciler.builder().backend(cluster)
                .sources(SourceResolver.git(workDir.resolve("git-cache")))
                .pollInterval(Duration.ofSeconds(15)).build()) {
            out.println("==> reconcile " + repo + " at " + revision + ", path " + path);
            reconciler.start(List.of(app));
            ReconcileResult first;
            try {
                first = reconciler.refresh(app.name()).get(5, TimeUnit.MINUTES);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                out.println("    the first pass did not finish: " + e);
                return false;
            }
            ResourceTable.printPlan(first, out);
            ResourceTable.printTable(first, out);
            out.flush();
            if (watchSeconds > 0) {
                out.println("==> the loop runs for " + watchSeconds + " s (polling every 15 s, healing drift)");
                out.flush();
                Thread.sleep(watchSeconds * 1000L);
                AppStatus status = reconciler.status(app.name()).orElseThrow();
                out.println("    " + status.sync().displayName() + ", " + status.health().displayName()
                        + ", last synced " + status.lastSyncedRevision().orElse("-") + ", passes " + status.history().size());
            }
            out.flush();
            return first.phase() == ReconcileResult.Phase.SUCCEEDED;
        }
    }
}
