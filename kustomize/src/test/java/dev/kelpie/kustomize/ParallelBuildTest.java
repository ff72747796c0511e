package dev.kelpie.kustomize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelpie.core.source.FileTree;
import dev.kelpie.core.source.InMemoryFileTree;
import dev.kelpie.core.yaml.YamlCodec;
import org.junit.jupiter.api.Test;

/** A parallel build (the default) prints and fails exactly as a sequential one. */
class ParallelBuildTest {
    static final Kustomize PARALLEL = Kustomize.defaults();
    static final Kustomize SEQUENTIAL = Kustomize.builder().parallel(false).build();

    static String render(Kustomize k, FileTree tree, String dir) {
        return YamlCodec.defaults().preservingKeyOrder().write(k.buildList(tree, dir));
    }

    /** A cluster of overlays over one shared base of several services, as the benchmark trees are. */
    static InMemoryFileTree.Builder cluster(int services, int overlays) {
        InMemoryFileTree.Builder b = InMemoryFileTree.builder();
        StringBuilder base = new StringBuilder("resources:\n");
        for (int s = 0; s < services; s++) {
            base.append("- services/s").append(s).append('\n');
            b.file("base/services/s" + s + "/kustomization.yaml", "resources: [deploy.yaml]\nconfigMapGenerator:\n"
                    + "- name: s" + s + "-config\n  literals: [A=" + s + "]\n");
            b.file("base/services/s" + s + "/deploy.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: s" + s
                    + "\nspec:\n  template:\n    spec:\n      containers:\n      - name: app\n        image: img" + s
                    + "\n        envFrom:\n        - configMapRef:\n            name: s" + s + "-config\n");
        }
        b.file("base/kustomization.yaml", base.toString());
        StringBuilder all = new StringBuilder("resources:\n");
        for (int o = 0; o < overlays; o++) {
            all.append("- ../../overlays/o").append(o).append('\n');
            b.file("overlays/o" + o + "/kustomization.yaml", "namespace: ns" + o + "\nnameSuffix: -o" + o
                    + "\nresources: [../../base]\nimages:\n- name: img1\n  newTag: v" + o
                    + "\nreplicas:\n- name: s0\n  count: " + (o + 1) + "\n");
        }
        b.file("clusters/all/kustomization.yaml", all + "commonLabels:\n  team: shop\n");
        return b;
    }

    @Test
    void overlaysOfASharedBaseRenderAsInOrder() {
        FileTree tree = cluster(6, 4).build();
        String parallel = render(PARALLEL, tree, "clusters/all");
        assertThat(parallel).isEqualTo(render(SEQUENTIAL, tree, "clusters/all"));
        assertThat(parallel).contains("name: s0-config-o3-").contains("replicas: 4").contains("namespace: ns2");
        // a second build with the same instance is independent of the first
        assertThat(render(PARALLEL, tree, "clusters/all")).isEqualTo(parallel);
    }

    @Test
    void theFirstFailingEntryInOrderIsReported() {
        FileTree tree = cluster(3, 3)
                .file("overlays/o1/kustomization.yaml", "resources: [../../base, missing.yaml]\n")
                .file("overlays/o2/kustomization.yaml", "resources: [../../base]\npatches:\n- path: nowhere.yaml\n")
                .build();
        assertThatThrownBy(() -> PARALLEL.build(tree, "clusters/all"))
                .hasMessage(messageOf(() -> SEQUENTIAL.build(tree, "clusters/all")))
                .hasMessageContaining("missing.yaml");
    }

    @Test
    void twoOverlaysIncludingOneBaseTwiceAreDuplicates() {
        FileTree tree = cluster(2, 2).file("clusters/all/kustomization.yaml", "resources: [../../base, ../../base/]\n")
                .build();
        assertThatThrownBy(() -> PARALLEL.build(tree, "clusters/all"))
                .hasMessage(messageOf(() -> SEQUENTIAL.build(tree, "clusters/all")))
                .hasMessageContaining("already registered id");
    }

    @Test
    void cyclesAreFoundInParallelBranches() {
        FileTree tree = cluster(2, 2).file("overlays/o1/kustomization.yaml", "resources: [../../clusters/all]\n").build();
        assertThatThrownBy(() -> PARALLEL.build(tree, "clusters/all")).hasMessageContaining("cycle detected");
    }

    @Test
    void aCustomSchemaInOneBranchGivesTheSequentialResult() {
        FileTree tree = cluster(2, 3)
                .file("overlays/o1/schema.json", "{\"definitions\": {}}")
                .file("overlays/o1/kustomization.yaml", "openapi:\n  path: schema.json\nresources: [../../base]\n")
                .build();
        assertThat(render(PARALLEL, tree, "clusters/all")).isEqualTo(render(SEQUENTIAL, tree, "clusters/all"));
    }

    private static String messageOf(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected a failure");
    }

    @Test
    void aFileParsedAheadStillFailsInItsPlaceAndStillObeysTheLoadRestrictor() {
        // the sequential build parses resource files ahead on another thread; errors stay those of an in-order build
        FileTree broken = cluster(8, 3).file("base/services/s5/deploy.yaml", "apiVersion: apps/v1\nkind: [oops\n").build();
        assertThatThrownBy(() -> SEQUENTIAL.build(broken, "clusters/all"))
                .hasMessage(messageOf(() -> PARALLEL.build(broken, "clusters/all")))
                .hasMessageContaining("s5/deploy.yaml");
        FileTree outside = cluster(4, 2).file("shared.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: shared\n")
                .file("overlays/o1/kustomization.yaml", "resources: [../../base, ../../shared.yaml]\n").build();
        assertThatThrownBy(() -> SEQUENTIAL.build(outside, "clusters/all"))
                .hasMessage(messageOf(() -> PARALLEL.build(outside, "clusters/all")))
                .hasMessageContaining("shared.yaml");
    }
}
