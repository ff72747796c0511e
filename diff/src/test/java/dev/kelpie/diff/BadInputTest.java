package dev.kelpie.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Malformed patches, unknown directives, missing paths and conflicts: clear errors, nothing half-applied. */
class BadInputTest {
    private static final PatchSchema DEPLOYMENT = PatchMetadata.builtIn().schemaFor("apps", "v1", "Deployment").orElseThrow();
    private static final JsonNode DOC = Corpus.yaml("""
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              template:
                spec:
                  containers:
                  - {name: app, image: a, env: [{name: A, value: secret-value}]}
            """);

    @Test
    void unknownDirectiveNamesOperationAndPath() {
        JsonNode patch = Corpus.yaml("spec: {template: {spec: {containers: [{name: app, $patch: bogus}]}}}");
        assertThatThrownBy(() -> StrategicMerge.apply(DOC, patch, DEPLOYMENT))
                .isInstanceOf(DiffException.class)
                .hasMessage("strategic merge patch apply: spec.template.spec.containers: unknown patch type: bogus in map")
                .satisfies(e -> assertThat(((DiffException) e).path()).isEqualTo("spec.template.spec.containers"));
    }

    @Test
    void missingMergeKeyIsNamedWithoutValues() {
        JsonNode patch = Corpus.yaml("spec: {template: {spec: {containers: [{name: app, env: [{value: x}]}]}}}");
        assertThatThrownBy(() -> StrategicMerge.apply(DOC, patch, DEPLOYMENT))
                .isInstanceOf(DiffException.class)
                .hasMessageContaining("spec.template.spec.containers[name=app].env")
                .hasMessageContaining("does not contain declared merge key: name")
                .hasMessageNotContaining("secret-value");
    }

    @Test
    void orderContradictingSetElementOrderIsRefused() {
        JsonNode patch = Corpus.yaml("""
                spec: {template: {spec: {$setElementOrder/containers: [{name: a}, {name: b}],
                  containers: [{name: b, image: x}, {name: a, image: y}]}}}
                """);
        assertThatThrownBy(() -> StrategicMerge.apply(DOC, patch, DEPLOYMENT))
                .isInstanceOf(DiffException.class).hasMessageContaining("doesn't match $setElementOrder list");
    }

    @Test
    void keysOutsideRetainKeysAreRefused() {
        JsonNode doc = Corpus.yaml("spec: {strategy: {type: RollingUpdate}}");
        JsonNode patch = Corpus.yaml("spec: {strategy: {$retainKeys: [type], type: Recreate, rollingUpdate: {maxSurge: 1}}}");
        assertThatThrownBy(() -> StrategicMerge.apply(doc, patch, DEPLOYMENT))
                .isInstanceOf(DiffException.class).hasMessageContaining("invalid patch format of retainKeys")
                .hasMessageContaining("spec.strategy");
    }

    @Test
    void nonObjectDocumentsAreInvalid() {
        assertThatThrownBy(() -> StrategicMerge.apply(DOC, Corpus.yaml("[1, 2]"), DEPLOYMENT))
                .isInstanceOf(DiffException.class).hasMessageContaining("invalid JSON document");
    }

    @Test
    void jsonPatchIsAllOrNothing() {
        JsonNode ops = Corpus.json("""
                [{"op": "replace", "path": "/metadata/name", "value": "changed"},
                 {"op": "remove", "path": "/spec/missing"}]""");
        JsonNode before = DOC.deepCopy();
        assertThatThrownBy(() -> JsonPatch.apply(DOC, ops))
                .isInstanceOf(DiffException.class)
                .hasMessage("JSON patch apply: /spec/missing: operation 1 (remove /spec/missing): path does not exist");
        assertThat(DOC).isEqualTo(before);
    }

    @Test
    void jsonPatchTestOpAndEscapedPointers() {
        JsonNode doc = Corpus.json("{\"a/b\": {\"m~n\": 1}}");
        assertThat(JsonPatch.apply(doc, Corpus.json("[{\"op\":\"test\",\"path\":\"/a~1b/m~0n\",\"value\":1.0}]")))
                .isEqualTo(doc);
        assertThatThrownBy(() -> JsonPatch.apply(doc, Corpus.json("[{\"op\":\"test\",\"path\":\"/a~1b/m~0n\",\"value\":2}]")))
                .isInstanceOf(DiffException.class).hasMessageContaining("test failed");
        assertThatThrownBy(() -> JsonPatch.apply(doc, Corpus.json("[{\"op\":\"frob\",\"path\":\"/x\"}]")))
                .isInstanceOf(DiffException.class).hasMessageContaining("unknown operation \"frob\"");
    }

    @Test
    void conflictIsReportedWithItsPath() {
        JsonNode original = Corpus.yaml("spec: {replicas: 1}");
        JsonNode modified = Corpus.yaml("spec: {replicas: 2}");
        JsonNode current = Corpus.yaml("spec: {replicas: 3}");
        assertThatThrownBy(() -> StrategicMerge.createThreeWay(original, modified, current, DEPLOYMENT, false))
                .isInstanceOf(PatchConflictException.class)
                .satisfies(e -> assertThat(((DiffException) e).path()).isEqualTo("spec.replicas"));
        assertThat(StrategicMerge.createThreeWay(original, modified, current, DEPLOYMENT, true).toString())
                .isEqualTo("{\"spec\":{\"replicas\":2}}");
    }

    @Test
    void strictSchemaRefusesDiffingInsideUnknownFieldsButLenientDoesNot() {
        JsonNode a = Corpus.yaml("spec: {future: {a: 1}}");
        JsonNode b = Corpus.yaml("spec: {future: {a: 2}}");
        assertThatThrownBy(() -> StrategicMerge.createTwoWay(a, b, DEPLOYMENT))
                .isInstanceOf(DiffException.class).hasMessageContaining("unable to find api field");
        assertThat(StrategicMerge.createTwoWay(a, b, DEPLOYMENT.lenient()).toString())
                .isEqualTo("{\"spec\":{\"future\":{\"a\":2}}}");
    }
}
