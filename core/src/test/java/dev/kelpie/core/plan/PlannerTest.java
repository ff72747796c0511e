package dev.kelpie.core.plan;

import static dev.kelpie.core.plan.Objects.cm;
import static dev.kelpie.core.plan.Objects.obj;
import static dev.kelpie.core.plan.Objects.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelpie.core.app.IgnoreRule;
import dev.kelpie.core.model.InvalidResourceException;
import dev.kelpie.core.model.Manifests;
import dev.kelpie.core.model.Resource;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PlannerTest {
    private final Planner planner = Planner.create();
    private final PlanSettings settings = PlanSettings.of("shop").withPrune(PrunePolicy.on());

    private static List<String> order(SyncPlan plan) {
        return plan.steps().stream().map(s -> s.action() + " " + s.id().kind() + "/" + s.id().name()).toList();
    }

    @Nested
    class Actions {
        @Test
        void createsUpdatesAndKeepsUnchanged() {
            Manifests desired = Manifests.of(cm("a", "1"), cm("b", "2"), cm("c", "3"));
            Resource liveB = cm("b", "old");
            Resource liveC = cm("c", "3").edit(t -> t.putObject("status").put("x", 1))
                    .withAnnotation("other", "x").edit(t -> ((com.fasterxml.jackson.databind.node.ObjectNode) t.get("metadata"))
                            .put("resourceVersion", "42"));
            SyncPlan plan = planner.plan(desired, Manifests.of(liveB, liveC), Inventory.empty(), settings);
            assertThat(order(plan)).containsExactly("CREATE ConfigMap/a", "UPDATE ConfigMap/b", "UNCHANGED ConfigMap/c");
            assertThat(plan.steps().get(1).reason()).contains("data.k");
            assertThat(plan.hasChanges()).isTrue();
            assertThat(plan.isRefused()).isFalse();
        }

        @Test
        void aFieldRemovedFromGitButStillLiveIsAnUpdate() {
            Resource desired = cm("a", "1");
            Resource live = cm("a", "1").edit(t -> ((com.fasterxml.jackson.databind.node.ObjectNode) t.get("data")).put("gone", "x"))
                    .withAnnotation(SyncAnnotations.LAST_APPLIED, "{\"data\":{\"k\":\"1\",\"gone\":\"x\"}}");
            SyncStep s = planner.plan(Manifests.of(desired), Manifests.of(live), Inventory.empty(), settings).steps().get(0);
            assertThat(s.action()).isEqualTo(SyncAction.UPDATE);
            assertThat(s.reason()).contains("data.gone").contains("removed from Git");
        }

        @Test
        void ignoreRulesHideDifferences() {
            Resource desired = yaml("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: app}\nspec: {replicas: 2}\n");
            Resource live = yaml("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: app}\nspec: {replicas: 5}\n");
            PlanSettings s = settings.withIgnoreRules(List.of(IgnoreRule.pointers("apps", "Deployment", "/spec/replicas")));
            assertThat(planner.plan(Manifests.of(desired), Manifests.of(live), Inventory.empty(), s).steps().get(0).action())
                    .isEqualTo(SyncAction.UNCHANGED);
        }

        @Test
        void anObjectOwnedByAnotherApplicationIsSkipped() {
            Resource live = cm("a", "old").withAnnotation(SyncAnnotations.TRACKING_ID, "billing:/ConfigMap:app/a");
            SyncPlan plan = planner.plan(Manifests.of(cm("a", "1")), Manifests.of(live), Inventory.empty(), settings);
            assertThat(plan.steps().get(0).action()).isEqualTo(SyncAction.SKIP);
            assertThat(plan.steps().get(0).reason()).contains("billing");
            assertThat(plan.isRefused()).isFalse();
            SyncPlan strict = planner.plan(Manifests.of(cm("a", "1")), Manifests.of(live), Inventory.empty(),
                    settings.withFailOnSharedResource(true));
            assertThat(strict.isRefused()).isTrue();
            assertThat(strict.problems()).anySatisfy(p -> assertThat(p).contains("ConfigMap app/a"));
        }

        @Test
        void aComparisonCanBePluggedIn() {
            Planner always = Planner.withComparison((d, l) -> LiveComparison.Verdict.outOfSync("plugged"));
            SyncStep s = always.plan(Manifests.of(cm("a", "1")), Manifests.of(cm("a", "1")), Inventory.empty(), settings)
                    .steps().get(0);
            assertThat(s.reason()).isEqualTo("plugged");
        }
    }

    @Nested
    class Ordering {
        @Test
        void phaseThenWaveThenKindThenName() {
            Manifests desired = Manifests.of(
                    obj("apps/v1", "Deployment", "app", "b"),
                    obj("apps/v1", "Deployment", "app", "a"),
                    obj("v1", "Service", "app", "z"),
                    obj("example.com/v1", "Widget", "app", "w"),
                    obj("networking.k8s.io/v1", "Ingress", "app", "i"),
                    obj("v1", "ConfigMap", "app", "late").withAnnotation(SyncAnnotations.SYNC_WAVE, "5"),
                    obj("v1", "Secret", "app", "early").withAnnotation(SyncAnnotations.SYNC_WAVE, "-1"),
                    obj("batch/v1", "Job", "app", "migrate").withAnnotation(SyncAnnotations.HOOK, "PreSync"),
                    obj("batch/v1", "Job", "app", "smoke").withAnnotation(SyncAnnotations.HOOK, "PostSync")
                            .withAnnotation(SyncAnnotations.HOOK_DELETE_POLICY, "HookSucceeded"));
            SyncPlan plan = planner.plan(desired, Manifests.empty(), Inventory.empty(), settings);
            assertThat(order(plan)).containsExactly(
                    "CREATE Job/migrate", "CREATE Secret/early", "CREATE Service/z", "CREATE Deployment/a",
                    "CREATE Deployment/b", "CREATE Ingress/i", "CREATE Widget/w", "CREATE ConfigMap/late",
                    "CREATE Job/smoke");
            SyncStep smoke = plan.steps().get(8);
            assertThat(smoke.hook()).isTrue();
            assertThat(smoke.phase()).isEqualTo(SyncPhase.POST_SYNC);
            assertThat(smoke.hookDeletePolicies()).containsExactly(HookDeletePolicy.HOOK_SUCCEEDED);
            assertThat(plan.steps().get(0).hookDeletePolicies()).containsExactly(HookDeletePolicy.BEFORE_HOOK_CREATION);
        }

        @Test
        void namespacesAndCrdsMoveAheadOfTheirUsers() {
            Manifests desired = Manifests.of(
                    obj("v1", "ConfigMap", "team", "cfg").withAnnotation(SyncAnnotations.SYNC_WAVE, "-2"),
                    obj("v1", "Namespace", "", "team"),
                    obj("example.com/v1", "Widget", "team", "w").withAnnotation(SyncAnnotations.SYNC_WAVE, "-3"),
                    yaml("apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: widgets.example.com}\n"
                            + "spec: {group: example.com, scope: Namespaced, names: {kind: Widget, plural: widgets}}\n"));
            SyncPlan plan = planner.plan(desired, Manifests.empty(), Inventory.empty(), settings);
            // as gitops-engine: the Namespace moves ahead of the Widget first, then the CRD ahead of the Widget
            assertThat(order(plan)).containsExactly("CREATE Namespace/team",
                    "CREATE CustomResourceDefinition/widgets.example.com", "CREATE Widget/w", "CREATE ConfigMap/cfg");
            assertThat(plan.steps().get(0).wave()).isEqualTo(-3);
            assertThat(plan.steps().get(1).wave()).isEqualTo(-3);
        }

        @Test
        void prunesRunInReverseWaveOrderAndPruneLastAtTheEnd() {
            Resource a = cm("a", "1").withAnnotation(SyncAnnotations.SYNC_WAVE, "1");
            Resource b = cm("b", "1").withAnnotation(SyncAnnotations.SYNC_WAVE, "3");
            Resource c = cm("c", "1").withAnnotation(SyncAnnotations.SYNC_OPTIONS, "PruneLast=true");
            Resource keep = cm("keep", "1").withAnnotation(SyncAnnotations.SYNC_WAVE, "7");
            Manifests live = Manifests.of(a, b, c, keep);
            SyncPlan plan = planner.plan(Manifests.of(keep), live, Inventory.of(a.id(), b.id(), c.id(), keep.id()), settings);
            assertThat(order(plan)).containsExactly("PRUNE ConfigMap/b", "PRUNE ConfigMap/a", "UNCHANGED ConfigMap/keep",
                    "PRUNE ConfigMap/c");
            assertThat(plan.steps(SyncAction.PRUNE)).extracting(SyncStep::wave).containsExactly(0, 1, 8);
        }

        @Test
        void badWaveNamesTheObject() {
            Resource bad = cm("a", "1").withAnnotation(SyncAnnotations.SYNC_WAVE, "soon");
            assertThatThrownBy(() -> planner.plan(Manifests.of(bad), Manifests.empty(), Inventory.empty(), settings))
                    .isInstanceOf(InvalidResourceException.class)
                    .hasMessageContaining("ConfigMap app/a").hasMessageContaining("sync-wave");
        }

        @Test
        void skipHooksAreSkipped() {
            Resource skip = cm("a", "1").withAnnotation(SyncAnnotations.HOOK, "Skip");
            assertThat(planner.plan(Manifests.of(skip), Manifests.empty(), Inventory.empty(), settings).steps().get(0).action())
                    .isEqualTo(SyncAction.SKIP);
        }
    }

    @Test
    void aFailedRenderPlansNothingAndRefusesThePrune() {
        Resource a = cm("a", "1");
        SyncPlan plan = planner.plan(DesiredState.failed("kustomization.yaml:3: bad"), Manifests.of(a), Inventory.of(a.id()),
                settings);
        assertThat(plan.steps()).isEmpty();
        assertThat(plan.isRefused()).isTrue();
        assertThat(plan.prune().refusal().orElseThrow().guard()).isEqualTo(PruneRefusal.Guard.RENDER_FAILED);
    }
}
