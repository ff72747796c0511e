package dev.kelpie.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class ManifestsTest {
    private static Resource cm(String name, String file) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("apiVersion", "v1").put("kind", "ConfigMap");
        n.putObject("metadata").put("name", name);
        return Resource.of(n, Origin.of(file, 1, 1));
    }

    @Test
    void keepsInsertionOrder() {
        Manifests m = Manifests.of(cm("b", "f"), cm("a", "f"), cm("c", "f"));
        assertThat(m.ids()).extracting(ResourceId::name).containsExactly("b", "a", "c");
    }

    @Test
    void duplicateNamesBothOrigins() {
        assertThatThrownBy(() -> Manifests.of(cm("a", "one.yaml"), cm("a", "two.yaml")))
                .isInstanceOf(DuplicateResourceException.class)
                .hasMessageContaining("one.yaml")
                .hasMessageContaining("two.yaml")
                .hasMessageContaining("ConfigMap/a");
    }

    @Test
    void withReplacesInPlaceAndWithoutRemoves() {
        Manifests m = Manifests.of(cm("a", "f"), cm("b", "f"));
        Resource a2 = cm("a", "f").withLabel("x", "y");
        Manifests replaced = m.with(a2);
        assertThat(replaced.list().get(0).labels()).containsEntry("x", "y");
        assertThat(replaced.size()).isEqualTo(2);
        assertThat(replaced.without(a2.id()).ids()).extracting(ResourceId::name).containsExactly("b");
        assertThat(m.list().get(0).labels()).isEmpty();
    }

    @Test
    void kindScopesKnowBuiltInsAndCrds() {
        KindScopes s = KindScopes.builtIn();
        assertThat(s.isNamespaced("", "Namespace")).contains(false);
        assertThat(s.isNamespaced("apps", "Deployment")).contains(true);
        assertThat(s.isNamespaced("rbac.authorization.k8s.io", "ClusterRole")).contains(false);
        assertThat(s.isNamespaced("example.com", "Widget")).isEmpty();
        ObjectNode crd = JsonNodeFactory.instance.objectNode();
        crd.put("apiVersion", "apiextensions.k8s.io/v1").put("kind", "CustomResourceDefinition");
        crd.putObject("metadata").put("name", "widgets.example.com");
        ObjectNode spec = crd.putObject("spec");
        spec.put("group", "example.com").put("scope", "Cluster");
        spec.putObject("names").put("kind", "Widget");
        assertThat(s.withCustomResourceDefinition(Resource.of(crd)).isNamespaced("example.com", "Widget")).contains(false);
    }
}
