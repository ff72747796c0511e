package dev.kelpie.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.diff.internal.json.JsonValues;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DifferTest {
    static final String DESIRED = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              namespace: shop
              labels: {app: web}
              annotations: {}
            spec:
              replicas: 3
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers:
                  - name: app
                    image: registry.example/shop/app:1.4.0
                    ports:
                    - containerPort: 8080
                      name: http
                    env:
                    - {name: LOG_LEVEL, value: info}
                    resources:
                      requests: {cpu: 1000m, memory: 1024Mi}
                      limits: {cpu: 0.5, memory: 1Gi}
                    livenessProbe:
                      httpGet: {path: /healthz, port: "8080"}
            """;

    static final String LIVE = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              namespace: shop
              uid: 5b1c2d8e-0000-4000-8000-000000000001
              resourceVersion: "81234"
              generation: 4
              creationTimestamp: "2026-01-01T00:00:00Z"
              labels: {app: web}
              annotations:
                deployment.kubernetes.io/revision: "4"
                kubectl.kubernetes.io/last-applied-configuration: '{"kind":"Deployment"}'
              managedFields:
              - manager: kubectl-client-side-apply
                operation: Update
                fieldsType: FieldsV1
                fieldsV1: {"f:spec": {"f:replicas": {}}}
              - manager: hpa
                operation: Update
                fieldsType: FieldsV1
                fieldsV1: {"f:spec": {"f:replicas": {}}}
            spec:
              replicas: 3
              revisionHistoryLimit: 10
              progressDeadlineSeconds: 600
              strategy:
                type: RollingUpdate
                rollingUpdate: {maxSurge: 25%, maxUnavailable: 25%}
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}, creationTimestamp: null}
                spec:
                  restartPolicy: Always
                  dnsPolicy: ClusterFirst
                  schedulerName: default-scheduler
                  terminationGracePeriodSeconds: 30
                  securityContext: {}
                  containers:
                  - name: app
                    image: registry.example/shop/app:1.4.0
                    imagePullPolicy: IfNotPresent
                    terminationMessagePath: /dev/termination-log
                    terminationMessagePolicy: File
                    ports:
                    - {containerPort: 8080, name: http, protocol: TCP}
                    env:
                    - {name: LOG_LEVEL, value: info}
                    resources:
                      requests: {cpu: "1", memory: 1Gi}
                      limits: {cpu: 500m, memory: 1Gi}
                    livenessProbe:
                      httpGet: {path: /healthz, port: 8080, scheme: HTTP}
                      timeoutSeconds: 1
                      periodSeconds: 10
            status:
              replicas: 3
              readyReplicas: 3
            """;

    static ObjectNode yaml(String text) {
        return (ObjectNode) Corpus.yaml(text);
    }

    static ObjectNode edit(String text, java.util.function.Consumer<ObjectNode> change) {
        ObjectNode o = yaml(text);
        change.accept(o);
        return o;
    }

    static ObjectNode container(ObjectNode deployment) {
        return (ObjectNode) deployment.at("/spec/template/spec/containers/0");
    }

    @Nested
    class ThreeWay {
        @Test
        void serverDefaultedLiveObjectShowsNoDifference() {
            DiffResult r = Diff.threeWay(yaml(DESIRED), yaml(DESIRED), yaml(LIVE));
            assertThat(r.changes()).isEmpty();
            assertThat(r.modified()).isFalse();
            assertThat(r.unifiedDiff("x")).isEmpty();
            assertThat(r.patchFormat()).isEqualTo(PatchFormat.STRATEGIC_MERGE);
        }

        @Test
        void changedImageIsReportedByMergeKeyPath() {
            ObjectNode desired = edit(DESIRED, d -> container(d).put("image", "registry.example/shop/app:1.5.0"));
            DiffResult r = Diff.threeWay(yaml(DESIRED), desired, yaml(LIVE));
            assertThat(r.modified()).isTrue();
            assertThat(r.changedPaths()).containsExactly("spec.template.spec.containers[name=app].image");
            assertThat(r.changes().get(0).type()).isEqualTo(Change.Type.CHANGED);
            assertThat(r.changes().get(0).pointer()).isEqualTo("/spec/template/spec/containers/0/image");
            assertThat(r.unifiedDiff("apps.v1.Deployment.shop.web"))
                    .containsPattern("(?m)^-\\s+image: registry.example/shop/app:1.4.0$")
                    .containsPattern("(?m)^\\+\\s+image: registry.example/shop/app:1.5.0$")
                    .startsWith("--- live/apps.v1.Deployment.shop.web\n+++ merged/apps.v1.Deployment.shop.web\n@@ ");
        }

        @Test
        void fieldRemovedFromGitIsReportedButFieldSetByOthersIsKept() {
            ObjectNode lastApplied = edit(DESIRED, d -> ((ObjectNode) d.get("spec")).put("minReadySeconds", 5));
            ObjectNode live = edit(LIVE, d -> ((ObjectNode) d.get("spec")).put("minReadySeconds", 5));
            DiffResult r = Diff.threeWay(lastApplied, yaml(DESIRED), live);
            assertThat(r.changedPaths()).containsExactly("spec.minReadySeconds");
            assertThat(r.changes().get(0).type()).isEqualTo(Change.Type.REMOVED);
            // without it in last-applied, someone else owns it: no difference
            assertThat(Diff.threeWay(yaml(DESIRED), yaml(DESIRED), live).modified()).isFalse();
        }

        @Test
        void removedEnvVarIsDeletedByThePatch() {
            ObjectNode lastApplied = edit(DESIRED, d -> ((com.fasterxml.jackson.databind.node.ArrayNode) container(d)
                    .get("env")).addObject().put("name", "DEBUG").put("value", "1"));
            ObjectNode live = edit(LIVE, d -> ((com.fasterxml.jackson.databind.node.ArrayNode) container(d)
                    .get("env")).addObject().put("name", "DEBUG").put("value", "1"));
            DiffResult r = Diff.threeWay(lastApplied, yaml(DESIRED), live);
            assertThat(r.changedPaths()).containsExactly("spec.template.spec.containers[name=app].env[name=DEBUG]");
            assertThat(r.patch().toString()).contains("\"$patch\":\"delete\"");
        }

        @Test
        void lastAppliedMayBeTheAnnotationText() {
            ObjectNode desired = yaml(DESIRED);
            DiffResult r = Diff.threeWay(JsonValues.NODES.textNode(desired.toString()), desired, yaml(LIVE));
            assertThat(r.modified()).isFalse();
        }

        @Test
        void missingLiveObjectIsAllAdded() {
            DiffResult r = Diff.twoWay(yaml(DESIRED), null);
            assertThat(r.modified()).isTrue();
            assertThat(r.normalisedLive().isEmpty()).isTrue();
            assertThat(r.unifiedDiff("d")).contains("+kind: Deployment");
        }

        @Test
        void malformedInputNamesTheProblem() {
            assertThatThrownBy(() -> Diff.twoWay(JsonValues.NODES.arrayNode(), yaml(LIVE)))
                    .isInstanceOf(DiffException.class).hasMessageContaining("desired");
            assertThatThrownBy(() -> Diff.twoWay(yaml("metadata: {name: x}"), yaml(LIVE)))
                    .isInstanceOf(DiffException.class).hasMessageContaining("apiVersion or kind");
        }
    }

    @Nested
    class Secrets {
        static final String SECRET = """
                apiVersion: v1
                kind: Secret
                metadata: {name: db, namespace: shop}
                type: Opaque
                stringData: {password: hunter2}
                """;
        static final String LIVE_SECRET = """
                apiVersion: v1
                kind: Secret
                metadata: {name: db, namespace: shop, uid: x}
                type: Opaque
                data: {password: aHVudGVyMg==}
                """;

        @Test
        void stringDataMatchesData() {
            assertThat(Diff.threeWay(yaml(SECRET), yaml(SECRET), yaml(LIVE_SECRET)).modified()).isFalse();
        }

        @Test
        void changedSecretIsMaskedEverywhere() {
            ObjectNode desired = yaml(SECRET.replace("hunter2", "swordfish"));
            DiffResult r = Diff.threeWay(yaml(SECRET), desired, yaml(LIVE_SECRET));
            assertThat(r.modified()).isTrue();
            String text = r.unifiedDiff("v1.Secret.shop.db") + r.changes() + r.toString()
                    + r.changes().get(0).live() + r.changes().get(0).predicted();
            assertThat(text).doesNotContain("hunter2").doesNotContain("swordfish")
                    .doesNotContain("aHVudGVyMg==").contains("++++++++");
            assertThat(r.unifiedDiff("s")).contains("-  password: ++++++++").contains("+  password: +++++++++");
        }
    }

    @Nested
    class Ignoring {
        @Test
        void jsonPointerIgnoresReplicas() {
            ObjectNode live = edit(LIVE, d -> ((ObjectNode) d.get("spec")).put("replicas", 7));
            assertThat(Diff.threeWay(yaml(DESIRED), yaml(DESIRED), live).changedPaths()).containsExactly("spec.replicas");
            Differ differ = Differ.builder()
                    .ignoreRule(IgnoreRule.builder().group("apps").kind("Deploy*").jsonPointer("/spec/replicas").build())
                    .build();
            assertThat(differ.threeWay(yaml(DESIRED), yaml(DESIRED), live).modified()).isFalse();
        }

        @Test
        void ruleForAnotherNameDoesNotApply() {
            ObjectNode live = edit(LIVE, d -> ((ObjectNode) d.get("spec")).put("replicas", 7));
            Differ differ = Differ.builder().ignoreRule(IgnoreRule.builder().group("apps").kind("Deployment")
                    .name("other").jsonPointer("/spec/replicas").build()).build();
            assertThat(differ.threeWay(yaml(DESIRED), yaml(DESIRED), live).modified()).isTrue();
        }

        @Test
        void jqPathExpressionIgnoresImages() {
            ObjectNode desired = edit(DESIRED, d -> container(d).put("image", "other:2"));
            Differ differ = Differ.builder().ignoreRule(IgnoreRule.builder().kind("Deployment")
                    .jqPathExpression(".spec.template.spec.containers[] | select(.name == \"app\") | .image").build())
                    .build();
            assertThat(differ.threeWay(yaml(DESIRED), desired, yaml(LIVE)).modified()).isFalse();
        }

        @Test
        void fieldsOwnedByAManagerAreIgnored() {
            ObjectNode live = edit(LIVE, d -> ((ObjectNode) d.get("spec")).put("replicas", 7));
            Differ differ = Differ.builder().ignoreRule(IgnoreRule.builder().kind("*")
                    .managedFieldsManager("hpa").build()).build();
            assertThat(differ.threeWay(yaml(DESIRED), yaml(DESIRED), live).modified()).isFalse();
        }

        @Test
        void invalidRulesAreRefusedWithTheField() {
            assertThatThrownBy(() -> IgnoreRule.builder().kind("Deployment").jqPathExpression(".spec[").build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jqPathExpressions");
            assertThatThrownBy(() -> IgnoreRule.builder().kind("Deployment").jsonPointer("spec").build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jsonPointers");
        }
    }

    @Nested
    class CustomResources {
        static final String CR = """
                apiVersion: example.com/v1
                kind: Widget
                metadata: {name: w, namespace: shop}
                spec:
                  size: 2
                  parts: [{name: a, count: 1}, {name: b, count: 2}]
                """;

        @Test
        void useJsonMergePatchByDefault() {
            ObjectNode live = edit(CR, d -> ((ObjectNode) d.get("spec")).put("extra", "set-by-controller"));
            DiffResult r = Diff.threeWay(yaml(CR), yaml(CR), live);
            assertThat(r.patchFormat()).isEqualTo(PatchFormat.JSON_MERGE);
            assertThat(r.modified()).isFalse();
        }

        @Test
        void useStrategicMergeWithACrdSchema() {
            JsonNode schema = Corpus.yaml("""
                    type: object
                    properties:
                      spec:
                        type: object
                        properties:
                          size: {type: integer}
                          parts:
                            type: array
                            x-kubernetes-list-type: map
                            x-kubernetes-list-map-keys: [name]
                            items: {type: object, properties: {name: {type: string}, count: {type: integer}}}
                    """);
            Differ differ = Differ.builder().schema("example.com", "Widget", PatchSchema.fromCrd(schema)).build();
            ObjectNode live = edit(CR, d -> ((ObjectNode) d.at("/spec/parts/1")).put("status", "ok"));
            DiffResult r = differ.threeWay(yaml(CR), yaml(CR), live);
            assertThat(r.patchFormat()).isEqualTo(PatchFormat.STRATEGIC_MERGE);
            assertThat(r.modified()).isFalse();
        }
    }
}
