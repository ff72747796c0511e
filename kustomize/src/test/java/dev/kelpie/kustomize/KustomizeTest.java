package dev.kelpie.kustomize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelpie.core.model.Manifests;
import dev.kelpie.core.model.Resource;
import dev.kelpie.core.render.Renderer;
import dev.kelpie.core.source.FileTree;
import dev.kelpie.core.source.InMemoryFileTree;
import dev.kelpie.core.yaml.YamlCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class KustomizeTest {
    static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              template:
                spec:
                  containers:
                  - name: app
                    image: nginx:1.25
                    envFrom:
                    - configMapRef:
                        name: settings
                  - name: sidecar
                    image: busybox
            """;

    static FileTree overlayTree() {
        return InMemoryFileTree.builder()
                .file("base/kustomization.yaml", """
                        resources: [deployment.yaml]
                        configMapGenerator:
                        - name: settings
                          literals: [COLOR=blue]
                        """)
                .file("base/deployment.yaml", DEPLOYMENT)
                .file("prod/kustomization.yaml", """
                        apiVersion: kustomize.config.k8s.io/v1beta1
                        kind: Kustomization
                        namespace: prod
                        namePrefix: prod-
                        resources: [../base]
                        commonLabels: {env: prod}
                        images:
                        - name: nginx
                          newTag: "1.27"
                        replicas:
                        - name: web
                          count: 3
                        patches:
                        - patch: |
                            apiVersion: apps/v1
                            kind: Deployment
                            metadata:
                              name: web
                            spec:
                              template:
                                spec:
                                  containers:
                                  - name: sidecar
                                    $patch: delete
                                  - name: app
                                    resources: {limits: {cpu: "1"}}
                        """)
                .build();
    }

    @Test
    void rendersAnOverlayAsKustomizeDoes() {
        Manifests m = Kustomize.defaults().build(overlayTree(), "prod");
        assertThat(m.list()).extracting(Resource::kind).containsExactly("ConfigMap", "Deployment");
        Resource cm = m.list().get(0);
        assertThat(cm.name()).startsWith("prod-settings-").hasSize("prod-settings-".length() + 10);
        assertThat(cm.namespace()).isEqualTo("prod");
        Resource d = m.list().get(1);
        assertThat(d.name()).isEqualTo("prod-web");
        assertThat(d.at("/spec/replicas").orElseThrow().asInt()).isEqualTo(3);
        assertThat(d.at("/spec/selector/matchLabels/env").orElseThrow().asText()).isEqualTo("prod");
        assertThat(d.at("/spec/template/spec/containers").orElseThrow()).hasSize(1);
        assertThat(d.at("/spec/template/spec/containers/0/image").orElseThrow().asText()).isEqualTo("nginx:1.27");
        assertThat(d.at("/spec/template/spec/containers/0/resources/limits/cpu").orElseThrow().asText()).isEqualTo("1");
        assertThat(d.at("/spec/template/spec/containers/0/envFrom/0/configMapRef/name").orElseThrow().asText())
                .isEqualTo(cm.name());
    }

    @Test
    void configMapHashIsKustomizes() {
        FileTree tree = InMemoryFileTree.builder()
                .file("kustomization.yaml", "configMapGenerator:\n- name: test\n  literals:\n  - TEST=this is a 'test'\n")
                .build();
        assertThat(Kustomize.defaults().build(tree, "").list().get(0).name()).isEqualTo("test-k9cc55dfm5");
    }

    @Test
    void fifoKeepsInputOrderAndLegacySortsByKind() {
        FileTree tree = InMemoryFileTree.builder()
                .file("kustomization.yaml", "resources: [d.yaml, ns.yaml]\n")
                .file("d.yaml", DEPLOYMENT)
                .file("ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n")
                .build();
        assertThat(Kustomize.builder().reorder(Reorder.NONE).build().build(tree, "").list())
                .extracting(Resource::kind).containsExactly("Deployment", "Namespace");
        assertThat(Kustomize.defaults().build(tree, "").list())
                .extracting(Resource::kind).containsExactly("Namespace", "Deployment");
    }

    @Test
    void filesOutsideTheRootNeedTheRestrictorOff() {
        FileTree tree = InMemoryFileTree.builder()
                .file("app/kustomization.yaml", "resources: [../shared/d.yaml]\n")
                .file("shared/d.yaml", DEPLOYMENT)
                .build();
        assertThatThrownBy(() -> Kustomize.defaults().build(tree, "app"))
                .isInstanceOf(LoadRestrictionException.class)
                .hasMessageContaining("shared/d.yaml").hasMessageContaining("is not in or below");
        assertThat(Kustomize.builder().loadRestrictor(LoadRestrictor.NONE).build().build(tree, "app").size()).isEqualTo(1);
    }

    @Test
    void errorsNameTheFileAndField() {
        FileTree cycle = InMemoryFileTree.builder()
                .file("a/kustomization.yaml", "resources: [../b]\n")
                .file("b/kustomization.yaml", "resources: [../a]\n")
                .build();
        assertThatThrownBy(() -> Kustomize.defaults().build(cycle, "a")).hasMessageContaining("cycle");
        FileTree unknown = InMemoryFileTree.builder().file("kustomization.yaml", "resourcez: []\n").build();
        assertThatThrownBy(() -> Kustomize.defaults().build(unknown, ""))
                .isInstanceOf(KustomizeException.class).hasMessageContaining("kustomization.yaml")
                .hasMessageContaining("resourcez");
        FileTree helm = InMemoryFileTree.builder().file("kustomization.yaml", "helmCharts: [{name: x}]\n").build();
        assertThatThrownBy(() -> Kustomize.defaults().build(helm, "")).hasMessageContaining("not supported");
        FileTree noTarget = InMemoryFileTree.builder()
                .file("kustomization.yaml", "resources: [d.yaml]\npatchesStrategicMerge:\n- |\n  apiVersion: apps/v1\n"
                        + "  kind: Deployment\n  metadata:\n    name: nope\n")
                .file("d.yaml", DEPLOYMENT)
                .build();
        assertThatThrownBy(() -> Kustomize.defaults().build(noTarget, ""))
                .isInstanceOf(PatchTargetNotFoundException.class).hasMessageContaining("nope");
        FileTree failedTest = InMemoryFileTree.builder()
                .file("kustomization.yaml", "resources: [d.yaml]\npatches:\n- target: {kind: Deployment}\n  patch: |\n"
                        + "    - op: test\n      path: /metadata/name\n      value: other\n")
                .file("d.yaml", DEPLOYMENT)
                .build();
        assertThatThrownBy(() -> Kustomize.defaults().build(failedTest, "")).hasMessageContaining("test failed");
        FileTree remote = InMemoryFileTree.builder()
                .file("kustomization.yaml", "resources: [https://github.com/acme/x//base]\n").build();
        assertThatThrownBy(() -> Kustomize.defaults().build(remote, "")).hasMessageContaining("remote");
    }

    @Test
    void keysOfTheKustomizationAreCaseInsensitive() {
        FileTree tree = InMemoryFileTree.builder()
                .file("kustomization.yaml", "RESOURCES: [d.yaml]\nnameprefix: x-\n")
                .file("d.yaml", DEPLOYMENT)
                .build();
        assertThat(Kustomize.defaults().build(tree, "").list().get(0).name()).isEqualTo("x-web");
    }

    @Test
    void oneInstanceRendersManyTreesInParallel() throws Exception {
        Kustomize k = Kustomize.defaults();
        List<FileTree> trees = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            trees.add(InMemoryFileTree.builder()
                    .file("base/kustomization.yaml", "resources: [deployment.yaml]\nconfigMapGenerator:\n- name: settings\n"
                            + "  literals: [N=" + i + "]\n")
                    .file("base/deployment.yaml", DEPLOYMENT)
                    .file("prod/kustomization.yaml", "namePrefix: p" + i + "-\nresources: [../base]\n")
                    .build());
        }
        List<String> sequential = new ArrayList<>();
        for (FileTree t : trees) {
            sequential.add(YamlCodec.defaults().write(k.build(t, "prod")));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int round = 0; round < 4; round++) {
                for (FileTree t : trees) {
                    futures.add(pool.submit(() -> YamlCodec.defaults().write(k.build(t, "prod"))));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get()).isEqualTo(sequential.get(i % trees.size()));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(sequential).doesNotHaveDuplicates();
    }

    @Test
    void isFoundAsARenderer() {
        Renderer r = ServiceLoader.load(Renderer.class).stream().map(ServiceLoader.Provider::get)
                .filter(x -> x.name().equals("kustomize")).findFirst().orElseThrow();
        assertThat(r.canRender(overlayTree(), "prod")).isTrue();
        assertThat(r.canRender(overlayTree(), "base/deployment.yaml")).isFalse();
        assertThat(r.render(overlayTree(), "prod").size()).isEqualTo(2);
    }
}
