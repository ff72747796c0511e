package dev.kelpie.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link JsonPatch#applyLikeKubectl}: evanphx/json-patch v4.12's dialect. Every expectation
 * below was recorded with {@code kubectl patch --local -f doc.json --type json -p PATCH -o json}
 * (kubectl v1.32.4; kustomize v5.5's JSON 6902 patches behaved the same on corresponding patches).
 * Where kubectl accepts a patch, the RFC applier refuses it or gives another document, except
 * in the cases marked "as the RFC".
 */
class JsonPatchKubectlTest {
    private static final JsonNode DOC = Corpus.json("""
            {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "web", "labels": {"app": "web"}},
             "list": ["a", "b", "c"]}""");

    /** name | patch | expected document, or ERR. */
    private static final String CASES = """
            add at -1 appends|[{"op":"add","path":"/list/-1","value":"x"}]|{"list":["a","b","c","x"]}
            add at -3|[{"op":"add","path":"/list/-3","value":"x"}]|{"list":["a","x","b","c"]}
            add at -5 is out of bounds|[{"op":"add","path":"/list/-5","value":"x"}]|ERR
            index with a leading zero|[{"op":"add","path":"/list/01","value":"x"}]|{"list":["a","x","b","c"]}
            index with a plus sign|[{"op":"add","path":"/list/+1","value":"x"}]|{"list":["a","x","b","c"]}
            index in another script's digits|[{"op":"add","path":"/list/\u0661","value":"x"}]|ERR
            replace -1|[{"op":"replace","path":"/list/-1","value":"x"}]|{"list":["a","b","x"]}
            remove -1|[{"op":"remove","path":"/list/-1"}]|{"list":["a","b"]}
            test -1|[{"op":"test","path":"/list/-1","value":"c"}]|{}
            copy from -1|[{"op":"copy","from":"/list/-1","path":"/list/0"}]|{"list":["c","a","b","c"]}
            move from -3|[{"op":"move","from":"/list/-3","path":"/list/-"}]|{"list":["b","c","a"]}
            replace of a missing member adds it|[{"op":"replace","path":"/metadata/labels/tier","value":"x"}]|{"metadata":{"name":"web","labels":{"app":"web","tier":"x"}}}
            replace past the end of a list|[{"op":"replace","path":"/list/3","value":"x"}]|ERR
            copy of a missing member copies null|[{"op":"copy","from":"/metadata/labels/tier","path":"/metadata/labels/t2"}]|{"metadata":{"name":"web","labels":{"app":"web","t2":null}}}
            move of a missing member|[{"op":"move","from":"/metadata/labels/tier","path":"/metadata/labels/t2"}]|ERR
            test null on a missing member passes|[{"op":"test","path":"/metadata/labels/tier","value":null}]|{}
            test a value on a missing member|[{"op":"test","path":"/metadata/labels/tier","value":"x"}]|ERR
            test without value|[{"op":"test","path":"/metadata/name"}]|ERR
            add without value writes null|[{"op":"add","path":"/metadata/labels/tier"}]|{"metadata":{"name":"web","labels":{"app":"web","tier":null}}}
            replace without value writes null|[{"op":"replace","path":"/metadata/labels/app"}]|{"metadata":{"name":"web","labels":{"app":null}}}
            text before the first slash is dropped|[{"op":"add","path":"metadata/tier","value":"x"}]|{"tier":"x"}
            a pointer without a slash|[{"op":"add","path":"tier","value":"x"}]|ERR
            a tilde without 0 or 1 is literal|[{"op":"add","path":"/metadata/labels/a~2b~","value":"x"}]|{"metadata":{"name":"web","labels":{"app":"web","a~2b~":"x"}}}
            replace the root (as the RFC)|[{"op":"replace","path":"","value":{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"other"}}}]|={"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"other"}}
            replace the root with a scalar does nothing|[{"op":"replace","path":"","value":5}]|{}
            add the root|[{"op":"add","path":"","value":{"kind":"ConfigMap"}}]|ERR
            remove the root|[{"op":"remove","path":""}]|ERR
            move from the root|[{"op":"move","from":"","path":"/metadata/x"}]|ERR
            copy to the root|[{"op":"copy","from":"/metadata","path":""}]|ERR
            from is ignored by add (as the RFC)|[{"op":"add","path":"/metadata/labels/tier","value":"x","from":""}]|{"metadata":{"name":"web","labels":{"app":"web","tier":"x"}}}
            unknown members are ignored (as the RFC)|[{"op":"add","path":"/metadata/labels/tier","value":"x","comment":"hi"}]|{"metadata":{"name":"web","labels":{"app":"web","tier":"x"}}}
            """;

    static Stream<Arguments> cases() {
        return CASES.lines().map(l -> l.split("\\|", 3)).map(f -> Arguments.of(f[0], f[1], f[2]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void followsKubectl(String name, String patch, String expected) {
        JsonNode ops = Corpus.json(patch);
        if (expected.equals("ERR")) {
            assertThatThrownBy(() -> JsonPatch.applyLikeKubectl(DOC, ops)).isInstanceOf(DiffException.class)
                    .hasMessageStartingWith("JSON patch apply: ").hasMessageContaining("operation 0");
            return;
        }
        JsonNode out = JsonPatch.applyLikeKubectl(DOC, ops);
        // "={...}" is the whole document; "{...}" the top-level fields that differ from DOC
        JsonNode want = expected.startsWith("=") ? Corpus.json(expected.substring(1)) : withFields(Corpus.json(expected));
        assertThat(out).isEqualTo(want);
        if (!name.endsWith("(as the RFC)")) {
            assertThat(rfc(ops)).as("the RFC applier refuses it or does something else").isNotEqualTo(want);
        }
    }

    @Test
    void inPlaceChangesTheDocumentItselfAndIsNotAllOrNothing() {
        ObjectNode doc = DOC.deepCopy();
        JsonNode out = JsonPatch.applyLikeKubectlInPlace(doc, Corpus.json("[{\"op\":\"add\",\"path\":\"/list/-1\",\"value\":\"x\"}]"));
        assertThat(out).isSameAs(doc);
        assertThat(doc.get("list")).isEqualTo(Corpus.json("[\"a\",\"b\",\"c\",\"x\"]"));
        assertThatThrownBy(() -> JsonPatch.applyLikeKubectlInPlace(doc, Corpus.json("""
                [{"op": "replace", "path": "/metadata/name", "value": "web2"}, {"op": "remove", "path": "/nope"}]""")))
                .isInstanceOf(DiffException.class).hasMessageContaining("operation 1 (remove /nope)");
        assertThat(doc.path("metadata").path("name").asText()).isEqualTo("web2");
        JsonNode root = Corpus.json("{\"kind\": \"ConfigMap\"}");
        assertThat(JsonPatch.applyLikeKubectlInPlace(doc, Corpus.json("[{\"op\":\"replace\",\"path\":\"\",\"value\":{\"kind\":\"ConfigMap\"}}]")))
                .isEqualTo(root).isNotSameAs(doc);
    }

    private static JsonNode rfc(JsonNode ops) {
        try {
            return JsonPatch.apply(DOC, ops);
        } catch (DiffException e) {
            return null;
        }
    }

    private static JsonNode withFields(JsonNode fields) {
        var doc = DOC.deepCopy();
        fields.fields().forEachRemaining(e -> ((ObjectNode) doc).set(e.getKey(), e.getValue()));
        return doc;
    }
}
