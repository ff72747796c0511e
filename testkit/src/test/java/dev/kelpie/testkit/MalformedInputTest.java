package dev.kelpie.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.core.backend.ApiException;
import dev.kelpie.core.backend.DeleteOptions;
import dev.kelpie.core.backend.WriteOptions;
import dev.kelpie.core.model.Resource;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Junk in any field makes the cluster answer with an ApiException or accept it, never crash. */
class MalformedInputTest {

    @Provide
    Arbitrary<JsonNode> junk() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return Arbitraries.of(f.textNode("x"), f.numberNode(7), f.booleanNode(true), f.nullNode(), f.arrayNode().add(1),
                f.objectNode().put("a", 1), f.arrayNode().add(f.objectNode()));
    }

    @Property(tries = 150)
    void junkInAnyFieldIsAnApiAnswer(@ForAll("resources") Resource r, @ForAll("junk") JsonNode junk,
            @ForAll("indexes") int which) {
        List<String> pointers = new ArrayList<>();
        collect(r.unsafeTree(), "", pointers);
        String target = pointers.get(Math.floorMod(which, pointers.size()));
        Resource broken;
        try {
            broken = r.edit(t -> replace(t, target, junk));
        } catch (RuntimeException invalidIdentity) {
            return; // the model itself refuses it (apiVersion, kind, name)
        }
        InMemoryCluster cluster = InMemoryCluster.builder().namespaces(KelpieArbitraries.NAMESPACES.toArray(String[]::new)).build();
        for (Runnable call : List.<Runnable>of(
                () -> cluster.apply(broken, WriteOptions.defaults()),
                () -> cluster.create(broken, WriteOptions.defaults().withDryRun(true)),
                () -> cluster.applyClientSide(broken, WriteOptions.defaults()),
                () -> cluster.delete(broken.id(), DeleteOptions.defaults()))) {
            try {
                call.run();
            } catch (ApiException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
    }

    @Provide
    Arbitrary<Resource> resources() {
        return KelpieArbitraries.resources();
    }

    @Provide
    Arbitrary<Integer> indexes() {
        return Arbitraries.integers().between(0, 1000);
    }

    private static void collect(JsonNode n, String at, List<String> out) {
        if (!at.isEmpty()) {
            out.add(at);
        }
        if (n.isObject()) {
            n.fieldNames().forEachRemaining(k -> collect(n.get(k), at + "/" + k, out));
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                collect(n.get(i), at + "/" + i, out);
            }
        }
    }

    private static void replace(ObjectNode root, String pointer, JsonNode value) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        if (parent instanceof ObjectNode o) {
            o.set(last, value);
        } else if (parent.isArray()) {
            ((com.fasterxml.jackson.databind.node.ArrayNode) parent).set(Integer.parseInt(last), value);
        }
    }
}
