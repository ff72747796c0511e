package dev.kelpie.core.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelpie.core.model.InvalidResourceException;
import dev.kelpie.core.plan.PlanSettings;
import dev.kelpie.core.yaml.YamlCodec;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ArgoApplicationReaderTest {
    private static ArgoApplicationReader.Result read(String yaml) {
        return ArgoApplicationReader.read(YamlCodec.defaults().readResources("app.yaml", yaml).get(0));
    }

    @Test
    void readsATypicalApplication() {
        var r = read("""
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata: {name: guestbook, namespace: argocd}
                spec:
                  project: default
                  source:
                    repoURL: https://github.com/argoproj/argocd-example-apps.git
                    targetRevision: main
                    path: guestbook
                    directory: {recurse: true, exclude: '{config.json,*.md}'}
                  destination: {server: https://kubernetes.default.svc, namespace: guestbook}
                  syncPolicy:
                    automated: {prune: true, selfHeal: true}
                    syncOptions: [CreateNamespace=true, PruneLast=true, PrunePropagationPolicy=background,
                                  ApplyOutOfSyncOnly=true, ServerSideApply=true, FailOnSharedResource=true, Replace=true]
                    retry: {limit: 5, backoff: {duration: 10s, factor: 3, maxDuration: 1m30s}}
                  ignoreDifferences:
                  - {group: apps, kind: Deployment, jsonPointers: [/spec/replicas]}
                """);
        Application app = r.application();
        assertThat(r.unsupported()).isEmpty();
        assertThat(app.name()).isEqualTo("guestbook");
        assertThat(app.source()).isEqualTo(new ApplicationSource("https://github.com/argoproj/argocd-example-apps.git",
                "main", "guestbook", true, java.util.List.of(), java.util.List.of("{config.json,*.md}")));
        assertThat(app.destination()).isEqualTo(Destination.of("guestbook"));
        assertThat(app.syncPolicy()).isEqualTo(new SyncPolicy(true, true, true, false));
        SyncOptions o = app.syncOptions();
        assertThat(o).isEqualTo(new SyncOptions(true, true, true, PropagationPolicy.BACKGROUND, true, true, true));
        assertThat(app.retry()).isEqualTo(new RetryPolicy(5, Duration.ofSeconds(10), 3, Duration.ofSeconds(90)));
        assertThat(app.retry().delay(0)).isEqualTo(Duration.ofSeconds(10));
        assertThat(app.retry().delay(5)).isEqualTo(Duration.ofSeconds(90));
        assertThat(app.ignoreRules()).hasSize(1);
        PlanSettings ps = app.planSettings();
        assertThat(ps.prune().enabled()).isTrue();
        assertThat(ps.prune().pruneLast()).isTrue();
        assertThat(ps.failOnSharedResource()).isTrue();
    }

    @Test
    void reportsWhatItDoesNotSupport() {
        var r = read("""
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata: {name: chart}
                spec:
                  project: team-a
                  revisionHistoryLimit: 3
                  source:
                    repoURL: https://charts.example
                    chart: web
                    helm: {valueFiles: [values.yaml]}
                  destination: {name: prod-eu}
                  syncPolicy:
                    managedNamespaceMetadata: {labels: {a: b}}
                    syncOptions: [Validate=false]
                  ignoreDifferences:
                  - {kind: Secret, jqPathExpressions: [.data], foo: bar}
                """);
        assertThat(r.unsupported()).containsExactlyInAnyOrder(
                "spec.revisionHistoryLimit: not supported (ignored)",
                "spec.source.chart: not supported (ignored)",
                "spec.source.helm: not supported (ignored)",
                "spec.syncPolicy.managedNamespaceMetadata: not supported (ignored)",
                "spec.syncPolicy.syncOptions: Validate=false: not supported (ignored)",
                "spec.ignoreDifferences[0].foo: not supported (ignored)",
                "spec.project: projects are not supported (\"team-a\" ignored)");
        assertThat(r.application().destination().cluster()).isEqualTo("prod-eu");
        assertThat(r.application().syncPolicy()).isEqualTo(SyncPolicy.manual());
        assertThat(r.application().source().revision()).isEqualTo("HEAD");
    }

    @Test
    void badInputNamesTheField() {
        assertThatThrownBy(() -> read("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n"))
                .isInstanceOf(InvalidResourceException.class).hasMessageContaining("Application");
        assertThatThrownBy(() -> read("""
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata: {name: x}
                spec:
                  source: {repoURL: r}
                  syncPolicy: {retry: {backoff: {duration: soon}}}
                """)).isInstanceOf(InvalidResourceException.class).hasMessageContaining("retry.backoff.duration");
        assertThatThrownBy(() -> read("""
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata: {name: x}
                spec:
                  source: {repoURL: r}
                  syncPolicy: {syncOptions: [CreateNamespace=yes]}
                """)).isInstanceOf(InvalidResourceException.class).hasMessageContaining("CreateNamespace");
    }

    @Test
    void builderValidates() {
        assertThatThrownBy(() -> Application.builder().name("Bad_Name").source("r", "", "p").build())
                .hasMessageContaining("name");
        assertThatThrownBy(() -> Application.builder().name("ok").build()).hasMessageContaining("source");
        Application a = Application.builder().name("ok").source("r", "", ".").build();
        assertThat(a.syncPolicy().prune()).isFalse();
        assertThat(a.toBuilder().destinationNamespace("x").build().destination().namespace()).isEqualTo("x");
    }
}
