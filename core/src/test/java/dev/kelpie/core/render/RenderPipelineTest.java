package dev.kelpie.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelpie.core.model.Resource;
import dev.kelpie.core.plan.ApplySetParent;
import dev.kelpie.core.plan.SyncAnnotations;
import dev.kelpie.core.source.FileTree;
import dev.kelpie.core.source.InMemoryFileTree;
import dev.kelpie.core.source.NoSuchPathException;
import dev.kelpie.core.transform.KubernetesVersion;
import dev.kelpie.core.transform.RemovedApiException;
import dev.kelpie.core.transform.TransformContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RenderPipelineTest {
    private static final String CM = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: %s\n";

    private final FileTree tree = InMemoryFileTree.builder()
            .file("app/a.yaml", CM.formatted("a") + "---\n" + CM.formatted("a2"))
            .file("app/b.yml", CM.formatted("b"))
            .file("app/c.json", "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"c\"}}")
            .file("app/notes.txt", "not yaml")
            .file("app/sub/d.yaml", CM.formatted("d"))
            .file("app/sub/skip.yaml", CM.formatted("skip"))
            .file("app/empty.yaml", "---\n# nothing\n")
            .file("marked/marker.txt", CM.formatted("from-marker"))
            .file("bad/x.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {}\n")
            .file("old/dep.yaml", "apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata: {name: web}\n")
            .file("crds/all.yaml", """
                    apiVersion: apiextensions.k8s.io/v1
                    kind: CustomResourceDefinition
                    metadata: {name: gizmos.example.com}
                    spec: {group: example.com, scope: Cluster, names: {kind: Gizmo, plural: gizmos}}
                    ---
                    apiVersion: example.com/v1
                    kind: Gizmo
                    metadata: {name: g}
                    ---
                    apiVersion: v1
                    kind: Namespace
                    metadata: {name: n}
                    ---
                    apiVersion: example.com/v1
                    kind: Unknown
                    metadata: {name: u}
                    """)
            .build();

    private static java.util.List<String> names(RenderResult r) {
        return r.manifests().stream().map(Resource::name).toList();
    }

    @Test
    void directoryReadsYamlYmlAndJsonInPathOrder() {
        RenderResult r = RenderPipeline.builder().build().render(tree, "app");
        assertThat(r.renderer()).isEqualTo("directory");
        assertThat(names(r)).containsExactly("a", "a2", "b", "c");
    }

    @Test
    void directoryRecursesAndFilters() {
        RenderPipeline p = RenderPipeline.builder()
                .directory(DirectoryRenderer.builder().recurse(true).exclude("{sub/skip.yaml,*.json}").build()).build();
        assertThat(names(p.render(tree, "app"))).containsExactly("a", "a2", "b", "d");
        RenderPipeline only = RenderPipeline.builder()
                .directory(DirectoryRenderer.builder().recurse(true).include("sub/*").build()).build();
        assertThat(names(only.render(tree, "app"))).containsExactly("d", "skip");
    }

    @Test
    void aMissingPathIsAnErrorNotAnEmptyRender() {
        assertThatThrownBy(() -> RenderPipeline.builder().build().render(tree, "nope"))
                .isInstanceOf(NoSuchPathException.class).hasMessageContaining("nope");
    }

    @Test
    void oneBadDocumentFailsTheRender() {
        assertThatThrownBy(() -> RenderPipeline.builder().build().render(tree, "bad"))
                .isInstanceOf(RenderException.class).hasMessageContaining("bad/x.yaml").hasMessageContaining("metadata.name");
    }

    @Test
    void discoveredRenderersWinWhereTheyRecogniseThePath() {
        RenderPipeline p = RenderPipeline.builder().discoverRenderers().build();
        RenderResult r = p.render(tree, "marked");
        assertThat(r.renderer()).isEqualTo("marker");
        assertThat(names(r)).containsExactly("from-marker");
        assertThat(p.render(tree, "app").renderer()).isEqualTo("directory");
    }

    @Test
    void namespacesTrackingAndApplySetLabels() {
        ApplySetParent parent = ApplySetParent.forApplication("shop", "prod");
        TransformContext ctx = TransformContext.builder().app("shop").destinationNamespace("prod")
                .applySetParent(parent).build();
        RenderResult r = RenderPipeline.builder().build().render(tree, "crds", ctx);
        Map<String, String> ns = new java.util.LinkedHashMap<>();
        r.manifests().forEach(x -> ns.put(x.name(), x.namespace()));
        assertThat(ns).containsEntry("gizmos.example.com", "").containsEntry("g", "")
                .containsEntry("n", "").containsEntry("u", "prod");
        Resource u = r.manifests().stream().filter(x -> x.name().equals("u")).findFirst().orElseThrow();
        assertThat(u.annotations()).containsEntry(SyncAnnotations.TRACKING_ID, "shop:example.com/Unknown:prod/u");
        assertThat(u.labels()).containsEntry(SyncAnnotations.APPLYSET_PART_OF, parent.id());
    }

    @Test
    void removedApiVersionsWarnOrFail() {
        TransformContext ctx = TransformContext.builder().kubernetesVersion(KubernetesVersion.parse("v1.16.2")).build();
        RenderResult r = RenderPipeline.builder().build().render(tree, "old", ctx);
        assertThat(r.warnings()).singleElement().asString().contains("apiVersion extensions/v1beta1 was removed in Kubernetes 1.16")
                .contains("use apps/v1");
        TransformContext older = TransformContext.builder().kubernetesVersion(KubernetesVersion.parse("1.12")).build();
        assertThat(RenderPipeline.builder().build().render(tree, "old", older).warnings()).singleElement().asString()
                .contains("deprecated since 1.9");
        TransformContext ancient = TransformContext.builder().kubernetesVersion(KubernetesVersion.parse("1.8")).build();
        assertThat(RenderPipeline.builder().build().render(tree, "old", ancient).warnings()).isEmpty();
        TransformContext strict = TransformContext.builder().kubernetesVersion(KubernetesVersion.parse("1.30")).build();
        assertThatThrownBy(() -> RenderPipeline.builder().failOnRemovedApis(true).build().render(tree, "old", strict))
                .isInstanceOf(RemovedApiException.class).hasMessageContaining("Deployment.extensions/web").hasMessageContaining("old/dep.yaml");
    }

    @Test
    void objectsThatCollideAfterNamespaceDefaultingFailTheRender() {
        FileTree t = InMemoryFileTree.builder()
                .file("dup/a.yaml", CM.formatted("x") + "---\n" + CM.formatted("x") + "  namespace: prod\n").build();
        TransformContext ctx = TransformContext.builder().destinationNamespace("prod").build();
        assertThatThrownBy(() -> RenderPipeline.builder().build().render(t, "dup", ctx))
                .isInstanceOf(RenderException.class).hasMessageContaining("ConfigMap prod/x");
    }

    @Test
    void callerTransformersRunBetweenDefaultingAndTracking() {
        TransformContext ctx = TransformContext.builder().app("shop").destinationNamespace("prod").build();
        RenderResult r = RenderPipeline.builder()
                .transformer((in, c) -> in.map(x -> x.edit(t -> ((com.fasterxml.jackson.databind.node.ObjectNode) t.get("metadata")).put("name", x.namespace() + "-" + x.name()))))
                .build().render(tree, "app/sub", ctx);
        assertThat(r.manifests().list().get(0).annotations().get(SyncAnnotations.TRACKING_ID))
                .isEqualTo("shop:/ConfigMap:prod/prod-d");
    }
}
