package dev.kelpie.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kelpie.core.model.InvalidResourceException;
import dev.kelpie.core.model.Manifests;
import dev.kelpie.core.model.Resource;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class YamlCodecTest {
    private final YamlCodec yaml = YamlCodec.defaults();

    private JsonNode one(String text) {
        List<YamlDocument> docs = yaml.readDocuments("t.yaml", text);
        assertThat(docs).hasSize(1);
        return docs.get(0).tree();
    }

    @Nested
    class Reading {
        @Test
        void valuesReadAsKubernetesReadsThem() {
            JsonNode n = one("""
                    a: yes
                    b: on
                    c: off
                    d: true
                    e: 0123
                    f: "0123"
                    g: 123456789012345678901234567890
                    h: 1.50
                    i: ~
                    j: 0x1F
                    k: 1e3
                    l: 9007199254740993
                    """);
            assertThat(n.get("a").isTextual()).isTrue();
            assertThat(n.get("b").asText()).isEqualTo("on");
            assertThat(n.get("c").isTextual()).isTrue();
            assertThat(n.get("d").booleanValue()).isTrue();
            assertThat(n.get("e").intValue()).isEqualTo(83);
            assertThat(n.get("f").asText()).isEqualTo("0123");
            assertThat(n.get("g").bigIntegerValue()).isEqualTo(new BigInteger("123456789012345678901234567890"));
            assertThat(n.get("h").decimalValue().toString()).isEqualTo("1.50");
            assertThat(n.get("i").isNull()).isTrue();
            assertThat(n.get("j").intValue()).isEqualTo(31);
            assertThat(n.get("k").isNumber()).isTrue();
            assertThat(n.get("l").longValue()).isEqualTo(9007199254740993L);
        }

        @Test
        void multiDocumentStreamsSkipEmptyDocumentsAndComments() {
            List<YamlDocument> docs = yaml.readDocuments("s.yaml", """
                    # leading comment
                    ---
                    a: 1
                    ---
                    ---
                    # only a comment
                    ---
                    b: 2
                    """);
            assertThat(docs).hasSize(2);
            assertThat(docs.get(1).origin().line()).isEqualTo(8);
        }

        @Test
        void listsAreFlattened() {
            Manifests m = yaml.readManifests("l.yaml", """
                    apiVersion: v1
                    kind: List
                    items:
                    - apiVersion: v1
                      kind: ConfigMap
                      metadata: {name: a}
                    - apiVersion: v1
                      kind: ConfigMap
                      metadata: {name: b}
                    ---
                    apiVersion: v1
                    kind: ServiceList
                    items:
                    - apiVersion: v1
                      kind: Service
                      metadata: {name: c}
                    """);
            assertThat(m.ids()).extracting(id -> id.name()).containsExactly("a", "b", "c");
        }

        @Test
        void jsonStreamsAreRead() {
            List<Resource> rs = yaml.readResources("j.json",
                    "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"a\"}}\n"
                            + "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"b\"},\"data\":{\"n\":\"1\"}}");
            assertThat(rs).hasSize(2);
            assertThat(rs.get(1).origin().line()).isEqualTo(2);
        }

        @Test
        void mergeKeysAreHonoured() {
            JsonNode n = one("""
                    base: &b {x: 1, y: 2}
                    derived:
                      <<: *b
                      y: 3
                    """);
            assertThat(n.at("/derived/x").intValue()).isEqualTo(1);
            assertThat(n.at("/derived/y").intValue()).isEqualTo(3);
        }
    }

    @Nested
    class Refusing {
        @Test
        void duplicateKeysNameLineAndColumn() {
            assertThatThrownBy(() -> one("a: 1\nb:\n  c: 1\n  c: 2\n"))
                    .isInstanceOf(YamlException.class)
                    .hasMessageContaining("t.yaml:4:3")
                    .hasMessageContaining("duplicate key \"c\"");
        }

        @Test
        void billionLaughsIsRefused() {
            StringBuilder b = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
            for (int i = 1; i < 9; i++) {
                b.append("a").append(i).append(": &a").append(i).append(" [");
                for (int j = 0; j < 9; j++) {
                    b.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
                }
                b.append("]\n");
            }
            assertThatThrownBy(() -> one(b.toString()))
                    .isInstanceOf(YamlException.class)
                    .hasMessageContaining("alias");
        }

        @Test
        void deepNestingIsRefused() {
            String deep = "[".repeat(5000) + "]".repeat(5000);
            assertThatThrownBy(() -> one(deep)).isInstanceOf(YamlException.class).hasMessageContaining("nesting");
            String deepJson = "{\"a\":".repeat(5000) + "1" + "}".repeat(5000);
            assertThatThrownBy(() -> one(deepJson)).isInstanceOf(YamlException.class);
        }

        @Test
        void oversizedStreamsAreRefused() {
            YamlCodec small = yaml.withLimits(YamlLimits.DEFAULT.withMaxDocumentCodePoints(100));
            assertThatThrownBy(() -> small.readDocuments("big.yaml", "a: " + "x".repeat(200)))
                    .isInstanceOf(YamlException.class).hasMessageContaining("big.yaml");
        }

        @Test
        void syntaxErrorsNameLineAndColumn() {
            assertThatThrownBy(() -> one("a: [1, 2\nb: 3\n"))
                    .isInstanceOf(YamlException.class)
                    .hasMessageStartingWith("t.yaml:");
            assertThatThrownBy(() -> yaml.readDocuments("x.json", "{\"a\": }"))
                    .isInstanceOf(YamlException.class).hasMessageContaining("x.json:1:");
        }

        @Test
        void documentsThatAreNotObjectsAreNamed() {
            assertThatThrownBy(() -> yaml.readResources("bad.yaml", "apiVersion: v1\nkind: ConfigMap\n"))
                    .isInstanceOf(InvalidResourceException.class)
                    .hasMessageContaining("bad.yaml:1:1").hasMessageContaining("metadata");
        }
    }

    @Nested
    class Writing {
        @Test
        void writesAsKubectlPrints() {
            Manifests m = yaml.readManifests("w.yaml", """
                    kind: ConfigMap
                    apiVersion: v1
                    metadata:
                      name: cfg
                      labels: {b: "2", a: x}
                    data:
                      bool: "true"
                      octal: "0123"
                      word: "on"
                      empty: ""
                      text: "line one\\nline two\\n"
                      special: "- starts like a list"
                      colon: "a: b"
                    spec:
                      list: [1, {name: x, value: y}]
                      emptyList: []
                      emptyMap: {}
                    """);
            assertThat(yaml.write(m)).isEqualTo("""
                    apiVersion: v1
                    data:
                      bool: "true"
                      colon: 'a: b'
                      empty: ""
                      octal: "0123"
                      special: '- starts like a list'
                      text: |
                        line one
                        line two
                      word: "on"
                    kind: ConfigMap
                    metadata:
                      labels:
                        a: x
                        b: "2"
                      name: cfg
                    spec:
                      emptyList: []
                      emptyMap: {}
                      list:
                      - 1
                      - name: x
                        value: "y"
                    """);
        }

        @Test
        void quotesYaml11BooleansAndTabsAsKubectlDoes() {
            // as `kubectl create configmap x --from-literal=... --dry-run=client -o yaml` prints them
            var tree = yaml.readDocuments("q.yaml", "data:\n  y: y\n  n: N\n  yes: yes\n  off: Off\n  tab: \"a\\tb\"\n")
                    .get(0).tree();
            assertThat(yaml.write(tree)).isEqualTo("""
                    data:
                      "n": "N"
                      "off": "Off"
                      tab: "a\\tb"
                      "y": "y"
                      "yes": "yes"
                    """);
        }

        @Test
        void separatesDocuments() {
            Manifests m = yaml.readManifests("w.yaml", "apiVersion: v1\nkind: A\nmetadata: {name: a}\n---\napiVersion: v1\nkind: B\nmetadata: {name: b}\n");
            assertThat(yaml.write(m)).contains("\n---\n");
            assertThat(yaml.readManifests("again", yaml.write(m))).isEqualTo(m);
        }
    }
}
