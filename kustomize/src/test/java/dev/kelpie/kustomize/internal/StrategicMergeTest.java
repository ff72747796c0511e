package dev.kelpie.kustomize.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.core.yaml.YamlCodec;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class StrategicMergeTest {
    static ObjectNode yaml(String s) {
        return (ObjectNode) YamlCodec.defaults().readDocuments("t", s).get(0).tree();
    }

    static Map<String, List<String>> deployment() {
        return MergeKeys.builtIn().forKind("apps", "v1", "Deployment");
    }

    static final String BASE = """
            kind: Deployment
            metadata: {name: web, labels: {a: "1", b: "2"}, finalizers: [x]}
            spec:
              template:
                spec:
                  containers:
                  - {name: app, image: nginx, args: [a, b]}
                  - {name: log, image: busybox}
            """;

    @Test
    void mergesContainersByNamePatchElementsFirst() {
        ObjectNode out = StrategicMerge.merge(yaml(BASE), yaml("""
                spec:
                  template:
                    spec:
                      containers:
                      - {name: proxy, image: envoy}
                      - {name: app, args: [c]}
                """), deployment());
        JsonNode cs = out.at("/spec/template/spec/containers");
        assertThat(cs.findValuesAsText("name")).containsExactly("proxy", "app", "log");
        assertThat(cs.get(1).get("image").asText()).isEqualTo("nginx");
        assertThat(cs.get(1).get("args")).hasSize(1);
    }

    @Test
    void nullDeletesAndDirectivesAct() {
        ObjectNode out = StrategicMerge.merge(yaml(BASE), yaml("""
                metadata: {labels: {a: null}, finalizers: [y]}
                spec:
                  template:
                    spec:
                      containers:
                      - {name: log, $patch: delete}
                """), deployment());
        assertThat(out.at("/metadata/labels").has("a")).isFalse();
        assertThat(out.at("/metadata/finalizers").findValuesAsText("")).isEmpty();
        assertThat(out.at("/metadata/finalizers").toString()).isEqualTo("[\"y\",\"x\"]");
        assertThat(out.at("/spec/template/spec/containers")).hasSize(1);
        ObjectNode replaced = StrategicMerge.merge(yaml(BASE), yaml("metadata: {labels: {$patch: replace, c: \"3\"}}"),
                deployment());
        assertThat(replaced.at("/metadata/labels").toString()).isEqualTo("{\"c\":\"3\"}");
        assertThat(StrategicMerge.merge(yaml(BASE), yaml("$patch: delete"), deployment())).isNull();
    }

    @Test
    void listsOfKindsWithoutSchemaAreReplaced() {
        ObjectNode out = StrategicMerge.merge(yaml(BASE), yaml("""
                spec: {template: {spec: {containers: [{name: proxy}]}}}
                """), null);
        assertThat(out.at("/spec/template/spec/containers")).hasSize(1);
    }

    /** Merging a patch twice gives what merging it once gives (merge is idempotent). */
    @Property(tries = 200)
    void mergeIsIdempotent(@ForAll @Size(max = 4) List<@AlphaChars @StringLength(min = 1, max = 6) String> names,
                           @ForAll @AlphaChars @StringLength(min = 1, max = 6) String label) {
        StringBuilder patch = new StringBuilder("metadata: {labels: {" + label + ": v}}\nspec: {template: {spec: {containers: [");
        for (String n : names) {
            patch.append("{name: ").append(n).append(", image: i").append(n).append("},");
        }
        patch.append("]}}}\n");
        ObjectNode once = StrategicMerge.merge(yaml(BASE), yaml(patch.toString()), deployment());
        ObjectNode twice = StrategicMerge.merge(once.deepCopy(), yaml(patch.toString()), deployment());
        assertThat(twice).isEqualTo(once);
    }
}
