package dev.kelpie.kustomize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelpie.core.model.Resource;
import dev.kelpie.core.source.InMemoryFileTree;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * JSON 6902 patches: kustomize v5.5 applies them with evanphx/json-patch v4.12, so they follow
 * the diff module's {@code JsonPatch.applyLikeKubectl} (its own tests hold the dialect, recorded
 * with kubectl); here what kustomize adds around it. Expectations were checked with
 * {@code kubectl kustomize} (v5.5.0).
 */
class Json6902PatchTest {
    private static Resource build(String patch) {
        return Kustomize.defaults().build(tree(patch, "Deployment"), "app").list().get(0);
    }

    private static InMemoryFileTree tree(String patch, String targetKind) {
        return InMemoryFileTree.builder()
                .file("app/kustomization.yaml", "resources: [d.yaml]\npatches:\n- target: {kind: " + targetKind + "}\n"
                        + "  path: patches/p.yaml\n")
                .file("app/d.yaml", KustomizeTest.DEPLOYMENT)
                .file("app/patches/p.yaml", patch)
                .build();
    }

    @Test
    void followsKubectlsLibraryNotTheRfc() {
        Resource r = build("""
                - op: replace
                  path: /spec/template/spec/containers/-1/image
                  value: busybox:1.36
                - op: add
                  path: /spec/template/spec/containers/0/env
                - op: replace
                  path: /metadata/labels
                  value: {tier: web}
                """);
        var spec = r.object().path("spec").path("template").path("spec");
        assertThat(spec.path("containers").get(1).path("image").asText()).isEqualTo("busybox:1.36");
        assertThat(spec.path("containers").get(0).get("env").isNull()).isTrue();
        assertThat(r.object().path("metadata").path("labels").path("tier").asText()).isEqualTo("web");
    }

    @Test
    void errorsNameTheKustomizationThePatchTheObjectAndTheOperation() {
        assertThatThrownBy(() -> build("""
                - op: test
                  path: /metadata/name
                  value: web
                - op: add
                  path: /spec/template/metadata/annotations/x
                  value: y
                """))
                .isInstanceOf(KustomizeException.class)
                .hasMessage("app/kustomization.yaml: JSON patch app/patches/p.yaml on Deployment.v1.apps/web.[noNs]: "
                        + "operation 1 (add /spec/template/metadata/annotations/x): path does not exist");
        assertThatThrownBy(() -> Kustomize.defaults().build(InMemoryFileTree.builder()
                .file("kustomization.yaml", "resources: [d.yaml]\npatches:\n- target: {kind: Deployment}\n  patch: |\n"
                        + "    - {op: test, path: /spec/template/spec/containers/0/name, value: sidecar}\n")
                .file("d.yaml", KustomizeTest.DEPLOYMENT)
                .build(), ""))
                .hasMessage("kustomization.yaml: inline JSON patch on Deployment.v1.apps/web.[noNs]: "
                        + "operation 0 (test /spec/template/spec/containers/0/name): test failed: the value differs");
    }

    @Test
    void operationsAreCheckedWhenReadEvenIfNothingIsSelected() {
        assertThatThrownBy(() -> Kustomize.defaults().build(tree("- add\n", "Service"), "app"))
                .hasMessage("app/kustomization.yaml: JSON patch app/patches/p.yaml: operation 0 is not a mapping");
        assertThatThrownBy(() -> Kustomize.defaults().build(tree("[]\n", "Service"), "app"))
                .hasMessage("app/kustomization.yaml: JSON patch app/patches/p.yaml has no operations");
        // an unknown operation is only an error when it is applied, as in kustomize
        assertThat(Kustomize.defaults().build(tree("- {op: frob, path: /x}\n", "Service"), "app").list()).hasSize(1);
        assertThatThrownBy(() -> build("- {op: frob, path: /x}\n"))
                .hasMessageEndingWith("operation 0: unknown operation \"frob\"");
    }

    @Test
    void thePatchedObjectMustKeepItsName() {
        assertThatThrownBy(() -> build("- {op: replace, path: /metadata/name}\n"))
                .hasMessage("app/kustomization.yaml: JSON patch app/patches/p.yaml on Deployment.v1.apps/web.[noNs]: "
                        + "the result has no metadata.name");
    }

    @Test
    void legacyFieldRefusesAnEmptyPatch() {
        var tree = InMemoryFileTree.builder()
                .file("kustomization.yaml", "resources: [d.yaml]\npatchesJson6902:\n"
                        + "- target: {group: apps, version: v1, kind: Deployment, name: web}\n  path: p.yaml\n")
                .file("d.yaml", KustomizeTest.DEPLOYMENT)
                .file("p.yaml", "# nothing\n")
                .build();
        assertThatThrownBy(() -> Kustomize.defaults().build(tree, ""))
                .hasMessage("kustomization.yaml: JSON patch p.yaml has no operations");
        List<Resource> renamed = Kustomize.defaults().build(InMemoryFileTree.builder()
                .file("kustomization.yaml", "resources: [d.yaml]\npatchesJson6902:\n"
                        + "- target: {group: apps, version: v1, kind: Deployment, name: web}\n  path: p.yaml\n")
                .file("d.yaml", KustomizeTest.DEPLOYMENT)
                .file("p.yaml", "[{\"op\": \"replace\", \"path\": \"/metadata/name\", \"value\": \"web2\"}]")
                .build(), "").list();
        assertThat(renamed).extracting(Resource::name).containsExactly("web2");
    }
}
