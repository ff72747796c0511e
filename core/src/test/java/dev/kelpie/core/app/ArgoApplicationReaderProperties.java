package dev.kelpie.core.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.core.model.InvalidResourceException;
import dev.kelpie.core.model.Resource;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Junk in, only our types out: the reader never leaks an NPE, ClassCastException or Jackson error. */
class ArgoApplicationReaderProperties {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final List<String> KEYS = List.of("source", "destination", "syncPolicy", "automated", "retry",
            "backoff", "duration", "factor", "limit", "syncOptions", "repoURL", "path", "ignoreDifferences", "kind",
            "jsonPointers", "directory", "include", "prune", "namespace", "server", "name", "x");

    @Provide
    Arbitrary<JsonNode> junk() {
        return Arbitraries.recursive(this::leaf, this::container, 4);
    }

    private Arbitrary<JsonNode> leaf() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(6).map(s -> (JsonNode) F.textNode(s)),
                Arbitraries.of("5s", "1m30s", "bad", "CreateNamespace=true", "Prune=x", "r").map(s -> (JsonNode) F.textNode(s)),
                Arbitraries.integers().between(-3, 10).map(i -> (JsonNode) F.numberNode(i)),
                Arbitraries.of(true, false).map(b -> (JsonNode) F.booleanNode(b)),
                Arbitraries.just(F.nullNode()));
    }

    private Arbitrary<JsonNode> container(Arbitrary<JsonNode> inner) {
        Arbitrary<JsonNode> obj = Arbitraries.maps(Arbitraries.of(KEYS), inner).ofMaxSize(4).map(m -> {
            ObjectNode o = F.objectNode();
            m.forEach(o::set);
            return o;
        });
        Arbitrary<JsonNode> arr = inner.list().ofMaxSize(3).map(l -> {
            var a = F.arrayNode();
            l.forEach(a::add);
            return a;
        });
        return Arbitraries.oneOf(obj, arr);
    }

    @Property(tries = 200)
    void junkSpecsGiveAnApplicationOrANamedError(@ForAll("junk") JsonNode spec) {
        ObjectNode app = F.objectNode();
        app.put("apiVersion", "argoproj.io/v1alpha1");
        app.put("kind", "Application");
        app.putObject("metadata").put("name", "junk");
        app.set("spec", spec);
        try {
            ArgoApplicationReader.Result r = ArgoApplicationReader.read(Resource.of(app));
            assertThat(r.application().name()).isEqualTo("junk");
        } catch (InvalidResourceException e) {
            assertThat(e.getMessage()).contains("junk");
        }
    }
}
