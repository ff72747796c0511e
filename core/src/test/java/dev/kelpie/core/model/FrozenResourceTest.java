package dev.kelpie.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.core.model.internal.FrozenTrees;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class FrozenResourceTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final JsonNodeFactory F = JsonNodeFactory.instance;

    static Resource deployment() throws Exception {
        return Resource.of(JSON.readTree("""
                {"apiVersion":"apps/v1","kind":"Deployment",
                 "metadata":{"name":"web","namespace":"apps","labels":{"app":"web"},"annotations":{}},
                 "spec":{"replicas":3,"template":{"spec":{"containers":[
                   {"name":"web","image":"nginx:1.27","ports":[{"containerPort":80}],"args":[]}]}}}}
                """));
    }

    @Test
    void aFrozenResourceIsEqualAndPrintsTheSame() throws Exception {
        Resource r = deployment();
        Resource frozen = r.frozen();
        assertThat(frozen).isEqualTo(r);
        assertThat(r).isEqualTo(frozen);
        assertThat(frozen.hashCode()).isEqualTo(r.hashCode());
        assertThat(frozen.id()).isEqualTo(r.id());
        assertThat(JSON.writeValueAsString(frozen.unsafeTree())).isEqualTo(JSON.writeValueAsString(r.unsafeTree()));
        assertThat(frozen.unsafeTree().at("/spec/template/spec/containers/0/image").asText()).isEqualTo("nginx:1.27");
        assertThat(frozen.labels()).containsEntry("app", "web");
        assertThat(frozen.frozen()).isSameAs(frozen);
    }

    @Test
    void aFrozenTreeRefusesEveryChangeButItsCopiesAreMutable() throws Exception {
        Resource frozen = deployment().frozen();
        ObjectNode tree = frozen.unsafeTree();
        assertThatThrownBy(() -> tree.put("kind", "Service")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> tree.remove("spec")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ((ObjectNode) tree.get("metadata")).with("annotations").put("a", "b"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ((ArrayNode) tree.at("/spec/template/spec/containers")).add(1))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> tree.properties().iterator().remove()).isInstanceOf(RuntimeException.class);

        ObjectNode copy = frozen.object();
        copy.with("metadata").with("annotations").put("a", "b");
        ((ArrayNode) copy.at("/spec/template/spec/containers/0/args")).add("--debug");
        assertThat(copy.at("/metadata/annotations/a").asText()).isEqualTo("b");
        assertThat(frozen.withLabel("tier", "front").labels()).containsEntry("tier", "front");
        assertThat(frozen.unsafeTree().at("/metadata/annotations").isEmpty()).isTrue();
    }

    @Test
    void sharedStringsAndEmptyNodesAreOneInstanceAcrossTrees() throws Exception {
        JsonNode a = FrozenTrees.freeze(deployment().unsafeTree());
        JsonNode b = FrozenTrees.freeze(deployment().unsafeTree());
        assertThat(a.at("/metadata/namespace")).isSameAs(b.at("/metadata/namespace"));
        assertThat(a.at("/metadata/annotations")).isSameAs(b.at("/metadata/annotations"));
        assertThat(a.at("/spec/template/spec/containers/0/args")).isSameAs(b.at("/spec/template/spec/containers/0/args"));
    }

    @Test
    void sharingNeverReordersFields() throws Exception {
        JsonNode ab = FrozenTrees.freeze(JSON.readTree("{\"x\":{\"a\":1,\"b\":[{\"c\":1,\"d\":2}]}}"));
        JsonNode ba = FrozenTrees.freeze(JSON.readTree("{\"x\":{\"b\":[{\"d\":2,\"c\":1}],\"a\":1}}"));
        assertThat((Object) ab).isEqualTo(ba);
        assertThat(ab.toString()).isEqualTo("{\"x\":{\"a\":1,\"b\":[{\"c\":1,\"d\":2}]}}");
        assertThat(ba.toString()).isEqualTo("{\"x\":{\"b\":[{\"d\":2,\"c\":1}],\"a\":1}}");
        assertThat(FrozenTrees.freeze(JSON.readTree("{\"x\":{\"a\":1,\"b\":[{\"c\":1,\"d\":2}]}}"))).isSameAs(ab);
    }

    @Test
    void wideObjectsStayReadOnlyAndOrdered() {
        ObjectNode wide = F.objectNode();
        for (int i = 40; i > 0; i--) {
            wide.put("k" + i, i);
        }
        JsonNode frozen = FrozenTrees.freeze(wide);
        assertThat((Object) frozen).isEqualTo(wide);
        assertThat(frozen.toString()).isEqualTo(wide.toString());
        assertThat(frozen.get("k7").asInt()).isEqualTo(7);
        assertThatThrownBy(() -> ((ObjectNode) frozen).put("k0", 0)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Property(tries = 300)
    void freezingKeepsEveryTreeAsItWas(@ForAll("trees") JsonNode tree) {
        JsonNode frozen = FrozenTrees.freeze(tree);
        assertThat(frozen).isEqualTo(tree);
        assertThat(tree).isEqualTo(frozen);
        assertThat(frozen.hashCode()).isEqualTo(tree.hashCode());
        assertThat(frozen.toString()).isEqualTo(tree.toString());
        assertThat((Object) frozen.deepCopy()).isEqualTo(tree);
        assertThat((Object) FrozenTrees.freeze(frozen)).isEqualTo(frozen);
    }

    @Provide
    Arbitrary<JsonNode> trees() {
        return node(4);
    }

    private Arbitrary<JsonNode> node(int depth) {
        Arbitrary<JsonNode> leaf = Arbitraries.oneOf(
                Arbitraries.strings().alpha().ofMaxLength(8).map(F::textNode),
                Arbitraries.strings().ofMinLength(90).ofMaxLength(120).map(F::textNode),
                Arbitraries.integers().map(F::numberNode),
                Arbitraries.of(F.booleanNode(true), F.nullNode()));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<JsonNode> child = node(depth - 1);
        Arbitrary<JsonNode> object = Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(4), child)
                .ofMaxSize(20).map(m -> {
                    ObjectNode o = F.objectNode();
                    m.forEach(o::set);
                    return (JsonNode) o;
                });
        Arbitrary<JsonNode> array = child.list().ofMaxSize(5).map((List<JsonNode> l) -> {
            ArrayNode a = F.arrayNode();
            l.forEach(a::add);
            return (JsonNode) a;
        });
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, leaf), net.jqwik.api.Tuple.of(2, object), net.jqwik.api.Tuple.of(1, array));
    }

}
