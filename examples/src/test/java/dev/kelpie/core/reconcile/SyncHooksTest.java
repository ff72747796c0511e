package dev.kelpie.core.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelpie.core.app.Application;
import dev.kelpie.core.app.SyncPolicy;
import dev.kelpie.core.model.ResourceId;
import dev.kelpie.core.source.InMemoryFileTree;
import dev.kelpie.core.source.Snapshot;
import dev.kelpie.core.source.Source;
import dev.kelpie.core.sync.StepOutcome;
import dev.kelpie.core.sync.SyncSettings;
import dev.kelpie.testkit.InMemoryCluster;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Argo CD resource hooks through a whole pass: PreSync before the rest, SyncFail only after a failure. */
class SyncHooksTest {
    static final ResourceId MIGRATE = ResourceId.of("batch/v1", "Job", "apps", "db-migrate");
    static final ResourceId NOTIFY = ResourceId.of("batch/v1", "Job", "apps", "notify-failure");
    static final ResourceId WEB = ResourceId.of("apps/v1", "Deployment", "apps", "web");

    final InMemoryCluster cluster = InMemoryCluster.builder().namespaces("apps").readyDelay(Duration.ZERO).build();
    final Reconciler reconciler = Reconciler.builder().backend(cluster).sources(s -> source())
            .syncSettings(SyncSettings.builder().waveTimeout(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5)).build())
            .build();
    final Application app = Application.builder().name("hooks").source("memory", "main", "app")
            .destinationNamespace("apps").syncPolicy(SyncPolicy.automated().prune(true)).build();

    @AfterEach
    void close() {
        reconciler.close();
    }

    private static Source source() {
        return Source.of("memory", revision -> {
            return new Snapshot("c0ffee", InMemoryFileTree.builder()
                    .file("app/migrate.yaml", job("db-migrate", "PreSync", "HookSucceeded,HookFailed"))
                    .file("app/notify.yaml", job("notify-failure", "SyncFail", "BeforeHookCreation"))
                    .file("app/web.yaml", """
                            apiVersion: apps/v1
                            kind: Deployment
                            metadata:
                              name: web
                            spec:
                              selector:
                                matchLabels: {app: web}
                              template:
                                metadata:
                                  labels: {app: web}
                                spec:
                                  containers:
                                  - name: web
                                    image: nginx:1.27
                            """).build());
        });
    }

    private static String job(String name, String hook, String deletePolicy) {
        return """
                apiVersion: batch/v1
                kind: Job
                metadata:
                  name: %s
                  annotations:
                    argocd.argoproj.io/hook: %s
                    argocd.argoproj.io/hook-delete-policy: %s
                spec:
                  template:
                    spec:
                      restartPolicy: Never
                      containers:
                      - name: run
                        image: busybox:1.36
                """.formatted(name, hook, deletePolicy);
    }

    @Test
    void aSucceedingSyncRunsThePreSyncHookFirstDeletesItAndNeverRunsSyncFail() {
        ReconcileResult result = reconciler.reconcile(app);

        assertThat(result.phase()).as(result.toString()).isEqualTo(ReconcileResult.Phase.SUCCEEDED);
        assertThat(result.outcomes()).extracting(StepOutcome::id).containsSubsequence(MIGRATE, WEB)
                .doesNotContain(NOTIFY);
        assertThat(cluster.get(WEB)).isPresent();
        assertThat(cluster.get(MIGRATE)).as("HookSucceeded deletes the hook once it completed").isEmpty();
        assertThat(cluster.get(NOTIFY)).as("SyncFail hooks run only after a failure").isEmpty();
    }

    @Test
    void aFailingPreSyncHookStopsTheSyncAndRunsTheSyncFailHook() {
        cluster.failRollout(MIGRATE);

        ReconcileResult result = reconciler.reconcile(app);

        assertThat(result.phase()).as(result.toString()).isEqualTo(ReconcileResult.Phase.FAILED);
        assertThat(result.message()).get().asString().contains("db-migrate").contains("ran 1 SyncFail hook");
        assertThat(cluster.get(WEB)).as("the Sync phase never started").isEmpty();
        assertThat(cluster.get(MIGRATE)).as("HookFailed deletes the failed hook").isEmpty();
        assertThat(cluster.get(NOTIFY)).as("the SyncFail hook ran").isPresent();
        assertThat(result.outcomes()).extracting(StepOutcome::id).containsSubsequence(MIGRATE, NOTIFY);
    }
}
