package dev.kelpie.core.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.core.app.Application;
import dev.kelpie.core.app.RetryPolicy;
import dev.kelpie.core.app.SyncOptions;
import dev.kelpie.core.app.SyncPolicy;
import dev.kelpie.core.backend.PatchType;
import dev.kelpie.core.backend.WriteOptions;
import dev.kelpie.core.model.ResourceId;
import dev.kelpie.testkit.Fault;
import dev.kelpie.testkit.FaultRule;
import dev.kelpie.testkit.GitFixture;
import dev.kelpie.testkit.InMemoryCluster;
import dev.kelpie.testkit.Verb;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loop: watch-driven self-heal, detect-only, suspend and resume, retries after server errors. */
class ReconcileLoopTest {
    static final ResourceId DEPLOYMENT = ReconcilerSeedScenarioTest.DEPLOYMENT;
    static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    Path tmp;
    GitFixture repo;
    InMemoryCluster cluster;
    Application app;
    final List<ReconcileEvent> events = new CopyOnWriteArrayList<>();
    final List<Reconciler> reconcilers = new ArrayList<>();

    @BeforeEach
    void setUp() {
        repo = GitFixture.seed(tmp.resolve("repo"));
        cluster = InMemoryCluster.create();
        app = Application.builder()
                .name("production-norway")
                .source(repo.uri(), "main", "overlays/production-norway")
                .destinationNamespace("production")
                .syncPolicy(SyncPolicy.automated().prune(true).selfHeal(true))
                .syncOptions(SyncOptions.parse(List.of("CreateNamespace=true"), new ArrayList<>()))
                .build();
    }

    @AfterEach
    void tearDown() {
        reconcilers.forEach(Reconciler::close);
        repo.close();
    }

    private Reconciler reconciler(boolean detectOnly) {
        Reconciler r = Reconciler.builder()
                .backend(cluster)
                .sources(SourceResolver.git(tmp.resolve("cache")))
                .pollInterval(Duration.ofMinutes(10))
                .selfHeal(Duration.ofMillis(50), Duration.ofSeconds(1))
                .detectOnly(detectOnly)
                .seed(42)
                .listener(new ReconcileListener() {
                    @Override
                    public void onEvent(ReconcileEvent event) {
                        events.add(event);
                    }
                })
                .build();
        reconcilers.add(r);
        return r;
    }

    private void rogueScale(int replicas) {
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        patch.putObject("spec").put("replicas", replicas);
        cluster.patch(DEPLOYMENT, PatchType.MERGE, patch, WriteOptions.defaults().withFieldManager("kubectl-scale"));
    }

    private int replicas() {
        return cluster.get(DEPLOYMENT).map(d -> d.unsafeTree().at("/spec/replicas").asInt()).orElse(-1);
    }

    private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return condition.getAsBoolean();
    }

    @Test
    void aManualEditIsHealedThroughTheWatch() throws Exception {
        Reconciler r = reconciler(false);
        r.start(List.of(app));
        assertThat(eventually(() -> r.status(app.name()).flatMap(AppStatus::last).isPresent())).isTrue();
        // a pass asked for now starts after the first: when it ends, nothing else is running
        ReconcileResult settled = r.refresh(app.name()).get(60, TimeUnit.SECONDS);
        assertThat(settled.sync()).isEqualTo(SyncStatus.SYNCED);
        rogueScale(9);
        assertThat(eventually(() -> replicas() == 3)).as("healed").isTrue();
        assertThat(events).anySatisfy(e -> assertThat(e.type()).isEqualTo(ReconcileEvent.Type.SELF_HEAL));
        assertThat(r.status(app.name()).orElseThrow().lastSyncedRevision()).contains(repo.head());
    }

    @Test
    void detectOnlyReportsDriftAndFixesNothing() throws Exception {
        reconciler(false).sync(app);
        Reconciler r = reconciler(true);
        r.start(List.of(app));
        assertThat(eventually(() -> r.status(app.name()).flatMap(AppStatus::last).isPresent())).isTrue();
        int before = events.size();
        rogueScale(5);
        boolean seen = eventually(() -> {
            List<ReconcileEvent> now = List.copyOf(events);
            return now.subList(before, now.size()).stream().anyMatch(e -> e.type() == ReconcileEvent.Type.DRIFT_DETECTED);
        });
        assertThat(seen).as(events.toString()).isTrue();
        ReconcileResult checked = r.refresh(app.name()).get(60, TimeUnit.SECONDS);
        assertThat(checked.phase()).isEqualTo(ReconcileResult.Phase.DETECTED);
        assertThat(checked.sync()).isEqualTo(SyncStatus.OUT_OF_SYNC);
        assertThat(replicas()).isEqualTo(5);
    }

    @Test
    void aSuspendedApplicationIsLeftAloneUntilResumed() throws Exception {
        Reconciler r = reconciler(false);
        r.start(List.of(app));
        r.refresh(app.name()).get(60, TimeUnit.SECONDS);
        r.suspend(app.name());
        assertThat(r.status(app.name()).orElseThrow().suspended()).isTrue();
        rogueScale(4);
        assertThat(replicas()).isEqualTo(4);
        r.resume(app.name());
        assertThat(eventually(() -> replicas() == 3)).isTrue();
        assertThat(events).extracting(ReconcileEvent::type).contains(ReconcileEvent.Type.SUSPENDED, ReconcileEvent.Type.RESUMED);
    }

    @Test
    void serverErrorsAreRetriedWithBackoffUntilTheSyncSucceeds() throws Exception {
        cluster.inject(FaultRule.on(Verb.APPLY).kind("apps", "Deployment").fault(Fault.internalError()).times(2));
        Application retrying = app.toBuilder().retry(new RetryPolicy(5, Duration.ofMillis(50), 2, Duration.ofSeconds(1))).build();
        Reconciler r = reconciler(false);
        r.start(List.of(retrying));
        assertThat(eventually(() -> r.status(app.name()).map(s -> s.sync() == SyncStatus.SYNCED).orElse(false))).isTrue();
        AppStatus status = r.status(app.name()).orElseThrow();
        assertThat(status.history()).anySatisfy(h -> assertThat(h.phase()).isEqualTo(ReconcileResult.Phase.FAILED));
        assertThat(events).anySatisfy(e -> assertThat(e.type()).isEqualTo(ReconcileEvent.Type.RETRY_SCHEDULED));
        assertThat(replicas()).isEqualTo(3);
    }
}
