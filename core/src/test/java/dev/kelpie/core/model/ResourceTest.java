package dev.kelpie.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import org.junit.jupiter.api.Test;

class ResourceTest {
    private static ObjectNode configMap(String name) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("apiVersion", "v1").put("kind", "ConfigMap");
        n.putObject("metadata").put("name", name).put("namespace", "prod");
        n.putObject("data").put("k", "v");
        return n;
    }

    @Test
    void copiesItsTreeOnTheWayInAndOut() {
        ObjectNode tree = configMap("cm");
        Resource r = Resource.of(tree);
        tree.put("kind", "Secret");
        assertThat(r.kind()).isEqualTo("ConfigMap");
        r.object().put("kind", "Secret");
        assertThat(r.unsafeTree().get("kind").asText()).isEqualTo("ConfigMap");
        assertThat(r.id()).isEqualTo(ResourceId.of("v1", "ConfigMap", "prod", "cm"));
    }

    @Test
    void editReturnsANewResource() {
        Resource r = Resource.of(configMap("cm"));
        Resource labelled = r.withLabel("app", "web").withAnnotation("a", "b");
        assertThat(r.labels()).isEmpty();
        assertThat(labelled.labels()).containsEntry("app", "web");
        assertThat(labelled.annotations()).containsEntry("a", "b");
        assertThat(labelled.withoutAnnotation("a").annotations()).isEmpty();
        assertThat(r.withNamespace("").namespace()).isEmpty();
    }

    @Test
    void missingFieldsAreNamedWithTheOrigin() {
        ObjectNode noName = configMap("x");
        ((ObjectNode) noName.get("metadata")).remove("name");
        Origin o = Origin.of("cm.yaml", 3, 1);
        assertThatThrownBy(() -> Resource.of(noName, o))
                .isInstanceOf(InvalidResourceException.class)
                .hasMessageContaining("cm.yaml:3:1")
                .hasMessageContaining("metadata.name");
        ObjectNode badKind = configMap("x").put("kind", 3);
        assertThatThrownBy(() -> Resource.of(badKind, o)).hasMessageContaining("kind");
    }

    @Test
    void toStringNeverShowsContent() {
        ObjectNode secret = configMap("s").put("kind", "Secret");
        ((ObjectNode) secret.get("data")).put("password", "c3VwZXJzZWNyZXQ=");
        assertThat(Resource.of(secret).toString()).doesNotContain("c3VwZXJzZWNyZXQ=").contains("Secret prod/s");
    }

    @Test
    void convertsToAndFromFabric8() {
        ConfigMap cm = new ConfigMapBuilder().withNewMetadata().withName("cm").withNamespace("prod").endMetadata()
                .addToData("k", "v").build();
        Resource r = Fabric8Resources.fromFabric8(cm);
        assertThat(r.id()).isEqualTo(ResourceId.of("v1", "ConfigMap", "prod", "cm"));
        assertThat(r.unsafeTree().at("/data/k").asText()).isEqualTo("v");
        GenericKubernetesResource g = Fabric8Resources.toGeneric(r);
        assertThat(g.getMetadata().getName()).isEqualTo("cm");
        assertThat(Fabric8Resources.toFabric8(r, ConfigMap.class).getData()).containsEntry("k", "v");
    }
}
