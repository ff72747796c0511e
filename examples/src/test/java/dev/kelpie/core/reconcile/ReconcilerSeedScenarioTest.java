package dev.kelpie.core.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.core.app.Application;
import dev.kelpie.core.app.SyncOptions;
import dev.kelpie.core.app.SyncPolicy;
import dev.kelpie.core.backend.PatchType;
import dev.kelpie.core.backend.WriteOptions;
import dev.kelpie.core.model.ResourceId;
import dev.kelpie.core.sync.StepOutcome;
import dev.kelpie.testkit.GitFixture;
import dev.kelpie.testkit.InMemoryCluster;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed scenario, one pass at a time, on the in-memory cluster. */
class ReconcilerSeedScenarioTest {
    static final ResourceId DEPLOYMENT = ResourceId.of("apps/v1", "Deployment", "production", "app-backend");
    static final ResourceId SERVICE = ResourceId.of("v1", "Service", "production", "app-backend");
    static final ResourceId INGRESS = ResourceId.of("networking.k8s.io/v1", "Ingress", "production", "app-backend");

    @TempDir
    Path tmp;
    GitFixture repo;
    InMemoryCluster cluster;
    Reconciler reconciler;
    Application app;

    @BeforeEach
    void setUp() {
        repo = GitFixture.seed(tmp.resolve("repo"));
        cluster = InMemoryCluster.create();
        reconciler = Reconciler.builder().backend(cluster).sources(SourceResolver.git(tmp.resolve("cache"))).build();
        app = Application.builder()
                .name("production-norway")
                .source(repo.uri(), "main", "overlays/production-norway")
                .destinationNamespace("production")
                .syncPolicy(SyncPolicy.automated().prune(true).selfHeal(true))
                .syncOptions(SyncOptions.parse(List.of("CreateNamespace=true"), new java.util.ArrayList<>()))
                .build();
    }

    @AfterEach
    void tearDown() {
        reconciler.close();
        repo.close();
    }

    private int replicas() {
        return cluster.get(DEPLOYMENT).orElseThrow().unsafeTree().at("/spec/replicas").asInt();
    }

    @Test
    void firstPassCreatesEverythingAndTheSecondChangesNothing() {
        ReconcileResult first = reconciler.reconcile(app);
        assertThat(first.phase()).as(first.toString()).isEqualTo(ReconcileResult.Phase.SUCCEEDED);
        assertThat(first.sync()).isEqualTo(SyncStatus.SYNCED);
        assertThat(first.outcomes()).filteredOn(o -> o instanceof StepOutcome.Created).extracting(StepOutcome::id)
                .contains(DEPLOYMENT, SERVICE, INGRESS);
        assertThat(replicas()).isEqualTo(3);
        assertThat(first.revision()).isEqualTo(repo.head());

        ReconcileResult second = reconciler.reconcile(app);
        assertThat(second.phase()).as(second.toString()).isEqualTo(ReconcileResult.Phase.SUCCEEDED);
        assertThat(second.changedCluster()).as(second.toString()).isFalse();
        assertThat(second.counts()).containsOnlyKeys("unchanged");
    }

    @Test
    void aRogueReplicaEditIsReverted() {
        reconciler.reconcile(app);
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        patch.putObject("spec").put("replicas", 7);
        cluster.patch(DEPLOYMENT, PatchType.MERGE, patch, WriteOptions.defaults().withFieldManager("kubectl-edit"));
        assertThat(replicas()).isEqualTo(7);

        ReconcileResult heal = reconciler.reconcile(app);
        assertThat(heal.outcomes()).as(heal.toString()).anySatisfy(o -> {
            assertThat(o).isInstanceOf(StepOutcome.Configured.class);
            assertThat(o.id()).isEqualTo(DEPLOYMENT);
        });
        assertThat(replicas()).isEqualTo(3);
    }

    @Test
    void aRogueEditAfterQuietPassesIsStillReverted() {
        reconciler.reconcile(app);
        for (int i = 0; i < 3; i++) { // quiet passes: the later ones reuse the plan of the first
            assertThat(reconciler.reconcile(app).counts()).containsOnlyKeys("unchanged");
        }
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        patch.putObject("spec").put("replicas", 9);
        cluster.patch(DEPLOYMENT, PatchType.MERGE, patch, WriteOptions.defaults().withFieldManager("kubectl-edit"));

        ReconcileResult heal = reconciler.reconcile(app);
        assertThat(heal.counts()).as(heal.toString()).containsEntry("configured", 1);
        assertThat(replicas()).isEqualTo(3);

        // A deleted object is seen as well (it leaves the live state the quiet plan was made from).
        cluster.delete(SERVICE, dev.kelpie.core.backend.DeleteOptions.defaults());
        assertThat(reconciler.reconcile(app).counts()).as("recreated").containsEntry("created", 1);
        assertThat(cluster.get(SERVICE)).isPresent();
    }

    @Test
    void aNewImageTagIsRolledOut() {
        reconciler.reconcile(app);
        repo.commit("bump image", Map.of("overlays/production-norway/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                namespace: production
                resources:
                - ../../base
                - ingress.yaml
                patches:
                - path: replicas.yaml
                images:
                - name: registry.gitlab.com/my-org/app
                  newTag: v2.5.0
                """));
        ReconcileResult r = reconciler.reconcile(app);
        assertThat(r.revision()).isEqualTo(repo.head());
        assertThat(cluster.get(DEPLOYMENT).orElseThrow().unsafeTree().at("/spec/template/spec/containers/0/image").asText())
                .isEqualTo("registry.gitlab.com/my-org/app:v2.5.0");
    }

    @Test
    void aResourceRemovedFromGitIsPrunedAndAnEmptiedOverlayIsRefused() {
        reconciler.reconcile(app);
        repo.commit("drop the service", Map.of("base/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                labels:
                - pairs:
                    app.kubernetes.io/part-of: app
                resources:
                - deployment.yaml
                """));
        ReconcileResult pruned = reconciler.reconcile(app);
        assertThat(pruned.outcomes()).as(pruned.toString()).contains(new StepOutcome.Pruned(SERVICE));
        assertThat(cluster.get(SERVICE)).isEmpty();

        repo.commit("empty the overlay", Map.of("overlays/production-norway/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                namespace: production
                """));
        ReconcileResult refused = reconciler.reconcile(app);
        assertThat(refused.phase()).as(refused.toString()).isEqualTo(ReconcileResult.Phase.REFUSED);
        assertThat(cluster.get(DEPLOYMENT)).isPresent();
        assertThat(cluster.get(INGRESS)).isPresent();
    }

    @Test
    void aFailedRenderNeverPrunes() {
        reconciler.reconcile(app);
        repo.commit("break it", Map.of("overlays/production-norway/ingress.yaml", "apiVersion: [unclosed\n"));
        ReconcileResult r = reconciler.reconcile(app);
        assertThat(r.phase()).isEqualTo(ReconcileResult.Phase.FAILED);
        assertThat(r.message()).hasValueSatisfying(m -> assertThat(m).startsWith("render:").contains("ingress.yaml"));
        assertThat(cluster.get(DEPLOYMENT)).isPresent();
        assertThat(cluster.get(INGRESS)).isPresent();
        assertThat(cluster.get(SERVICE)).isPresent();
    }

    @Test
    void aManualPolicyOnlyDetectsDrift() {
        Application manual = app.toBuilder().syncPolicy(SyncPolicy.manual()).build();
        ReconcileResult r = reconciler.reconcile(manual);
        assertThat(r.phase()).isEqualTo(ReconcileResult.Phase.DETECTED);
        assertThat(r.sync()).isEqualTo(SyncStatus.OUT_OF_SYNC);
        assertThat(cluster.get(DEPLOYMENT)).isEmpty();
    }
}
