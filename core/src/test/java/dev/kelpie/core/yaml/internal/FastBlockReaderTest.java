package dev.kelpie.core.yaml.internal;

import static dev.kelpie.core.yaml.internal.ReaderComparison.accepted;
import static dev.kelpie.core.yaml.internal.ReaderComparison.fast;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.kelpie.core.yaml.YamlCodec;
import dev.kelpie.core.yaml.YamlDocument;
import dev.kelpie.core.yaml.YamlLimits;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast reader on the cases where a hand-written YAML reader usually goes wrong. */
class FastBlockReaderTest {

    private static JsonNode one(String text) {
        List<YamlDocument> docs = accepted(text);
        assertThat(docs).hasSize(1);
        return docs.get(0).tree();
    }

    @Nested
    class Accepts {
        @Test
        void commentsAfterValuesAndHashesInsideThem() {
            JsonNode n = one("key: value # comment\nurl: http://x/y?a=b#frag\nhash: a#b\nquoted: \"v\" # c\n");
            assertThat(n.get("key").textValue()).isEqualTo("value");
            assertThat(n.get("url").textValue()).isEqualTo("http://x/y?a=b#frag");
            assertThat(n.get("hash").textValue()).isEqualTo("a#b");
            assertThat(n.get("quoted").textValue()).isEqualTo("v");
        }

        @Test
        void colonsInsideScalars() {
            JsonNode n = one("a: \"b: c\"\nb: 'x: y'\nc: x:y\nd:e: f\n");
            assertThat(n.get("a").textValue()).isEqualTo("b: c");
            assertThat(n.get("b").textValue()).isEqualTo("x: y");
            assertThat(n.get("c").textValue()).isEqualTo("x:y");
            assertThat(n.get("d:e").textValue()).isEqualTo("f");
        }

        @Test
        void nestedAndCompactSequences() {
            JsonNode n = one("- - nested\n  - two\n- a: 1\n  b: 2\n-   c: 3\n    d: [x, \"y\", 4]\n-\n  e: 5\n- \n- []\n- {}\n");
            assertThat(n.toString()).isEqualTo(
                    "[[\"nested\",\"two\"],{\"a\":1,\"b\":2},{\"c\":3,\"d\":[\"x\",\"y\",4]},{\"e\":5},null,[],{}]");
        }

        @Test
        void sequencesFlushWithTheirKey() {
            JsonNode n = one("""
                    spec:
                      containers:
                      - name: a
                        args:
                        - --flag=x
                        - -v
                        ports:
                        - containerPort: 80
                      - name: b
                      volumes: []
                    after: 1
                    """);
            assertThat(n.at("/spec/containers/0/args/0").textValue()).isEqualTo("--flag=x");
            assertThat(n.at("/spec/containers/0/ports/0/containerPort").intValue()).isEqualTo(80);
            assertThat(n.at("/spec/containers/1/name").textValue()).isEqualTo("b");
            assertThat(n.get("after").intValue()).isEqualTo(1);
        }

        @Test
        void literalBlocksKeepTheirBlankLines() {
            JsonNode n = one("a: |-\n  one\n\n  two\n\n\nb: |\n  x\n\n\nc: |+\n  y\n\n\nd: |2\n    indented\n  base\ne: 1\n");
            assertThat(n.get("a").textValue()).isEqualTo("one\n\ntwo");
            assertThat(n.get("b").textValue()).isEqualTo("x\n");
            assertThat(n.get("c").textValue()).isEqualTo("y\n\n\n");
            assertThat(n.get("d").textValue()).isEqualTo("  indented\nbase\n");
        }

        @Test
        void foldedBlocksFoldAsYamlSays() {
            JsonNode n = one("a: >\n  one\n  two\n\n  three\n    more\n  four\nb: >-\n  x\n  y\n");
            assertThat(n.get("a").textValue()).isEqualTo("one two\nthree\n  more\nfour\n");
            assertThat(n.get("b").textValue()).isEqualTo("x y");
        }

        @Test
        void emptyValuesAreNull() {
            JsonNode n = one("a:\nb: # nothing\nc: ~\nkey:");
            assertThat(n.get("a")).isInstanceOf(NullNode.class);
            assertThat(n.get("b")).isInstanceOf(NullNode.class);
            assertThat(n.get("c")).isInstanceOf(NullNode.class);
            assertThat(n.get("key")).isInstanceOf(NullNode.class);
        }

        @Test
        void plainScalarsResolveAsTheEventReaderResolvesThem() {
            JsonNode n = one("""
                    i: 80
                    octal: 0123
                    hex: 0x1F
                    long: 9007199254740993
                    big: 123456789012345678901234567890
                    dec: 1.50
                    inf: -.inf
                    yes: yes
                    t: True
                    q: "80"
                    s: '0123'
                    """);
            assertThat(n.get("i")).isInstanceOf(IntNode.class);
            assertThat(n.get("octal").intValue()).isEqualTo(83);
            assertThat(n.get("hex").intValue()).isEqualTo(31);
            assertThat(n.get("long")).isInstanceOf(LongNode.class);
            assertThat(n.get("big")).isInstanceOf(BigIntegerNode.class);
            assertThat(n.get("dec")).isInstanceOf(DecimalNode.class);
            assertThat(n.get("inf")).isInstanceOf(DoubleNode.class);
            assertThat(n.get("yes")).isInstanceOf(TextNode.class);
            assertThat(n.get("t").booleanValue()).isTrue();
            assertThat(n.get("q")).isInstanceOf(TextNode.class);
            assertThat(n.get("s").textValue()).isEqualTo("0123");
        }

        @Test
        void doubleQuotedEscapes() {
            JsonNode n = one("a: \"tab\\there \\\"q\\\" \\\\ \\/ \\x41\\u00e9\\U0001F600 \\0\\e\\N\\_\"\nb: 'it''s'\n");
            assertThat(n.get("a").textValue()).isEqualTo("tab\there \"q\" \\ / A\u00e9\uD83D\uDE00 \0\u001B\u0085\u00A0");
            assertThat(n.get("b").textValue()).isEqualTo("it's");
        }

        @Test
        void windowsLineEndings() {
            JsonNode n = one("a: 1\r\nb:\r\n  - x\r\n  - |\r\n    l1\r\n\r\n    l2\r\n# c\r\nc: >-\r\n  f\r\n  g\r\n");
            assertThat(n.at("/b/1").textValue()).isEqualTo("l1\n\nl2\n");
            assertThat(n.get("c").textValue()).isEqualTo("f g");
        }

        @Test
        void trailingSpaces() {
            JsonNode n = one("a: b   \nc: 'q'  \nd: |  \n  x  \ne:   \n  - y  \n");
            assertThat(n.get("a").textValue()).isEqualTo("b");
            assertThat(n.get("d").textValue()).isEqualTo("x  \n");
            assertThat(n.at("/e/0").textValue()).isEqualTo("y");
        }

        @Test
        void documentsAndTheirOrigins() {
            List<YamlDocument> docs = accepted("# c\n# d\n---\na: 1\n---\n---\n# only a comment\n--- # c\n\n  b: 2\n...\n---\n- x\n");
            assertThat(docs).extracting(d -> d.origin().document()).containsExactly(0, 3, 4);
            assertThat(docs.get(1).origin().line()).isEqualTo(10);
            assertThat(docs.get(1).origin().column()).isEqualTo(3);
            assertThat(accepted("")).isEmpty();
            assertThat(accepted("# only\n\n# comments\n")).isEmpty();
            assertThat(accepted("---\n")).isEmpty();
        }

        @Test
        void emptyBlockScalarBeforeASiblingKey() {
            JsonNode n = one("a: |\nb: c\nd: |+\n\ne: f\n");
            assertThat(n.get("a").textValue()).isEmpty();
            assertThat(n.get("d").textValue()).isEqualTo("\n");
        }

        @Test
        void keysThatLookLikeOtherThings() {
            JsonNode n = one("1: a\ntrue: b\nnull: c\n\"quoted key\": d\n'<<': e\n-k: f\n---x: g\n");
            assertThat(n.fieldNames()).toIterable().containsExactly("1", "true", "null", "quoted key", "<<", "-k", "---x");
        }
    }

    @Nested
    class Declines {
        @ParameterizedTest
        @ValueSource(strings = {
            "a: &x 1\nb: *x\n",                     // anchor and alias
            "a: !!str 1\n",                         // tag
            "<<: []\na: 1\n",                        // merge key
            "? complex\n: value\n",                 // complex key
            "a: one\n  two\n",                      // multi-line plain scalar
            "a: \"one\n  two\"\n",                  // multi-line quoted scalar
            "a: [1,\n  2]\n",                       // multi-line flow sequence
            "a: {b: 1}\n",                          // flow mapping with content
            "a: [[1]]\n",                           // nested flow
            "a:\n\tb: 1\n",                         // tab indentation
            "a: b\t\n",                             // tab after a value
            "%YAML 1.2\n---\na: 1\n",               // directive
            "a: 1\na: 2\n",                         // duplicate key
            "a: [1, 2\nb: 3\n",                     // syntax error
            "a: b: c\n",                            // syntax error
            "a:\n  b: 1\n c: 2\n",                  // bad indentation
            "- a\nb: 1\n",                          // sequence then mapping
            "just a scalar\n",                      // scalar root
            "--- a: 1\n",                           // content on the --- line
            "a: 1\n...\nb: 2\n",                    // content after ...
            "a: \ufeff1\n",                         // BOM inside the stream
            "a: \u0085\n",                          // NEL
            "a: \"\\L\"\n",                         // escape snakeyaml does not know
            "a: |0\n  x\n",                         // bad indentation indicator
            "x:\n  b: |\n",                         // empty block scalar snakeyaml refuses
            "a: |\n    \n  x\n",                    // leading blank line deeper than the text
            "a: 1\rb: 2\n",                         // lone CR
        })
        void outsideTheSubset(String text) {
            assertThat(fast(text)).as(text).isNull();
        }

        @Test
        void documentsNearTheLimits() {
            String deep = "a:\n" + "  ".repeat(1) + "b:\n" + "    c: 1\n";
            // three mappings: the event reader accepts them from a limit of 3, the fast reader keeps one level spare
            assertThat(FastBlockReader.read("t", deep, YamlLimits.DEFAULT.withMaxDepth(3))).isNull();
            assertThat(FastBlockReader.read("t", deep, YamlLimits.DEFAULT.withMaxDepth(4))).isNotNull();
            assertThat(FastBlockReader.read("t", "a: 1\nb: 2\n", YamlLimits.DEFAULT.withMaxExpandedNodes(3))).isNull();
            assertThat(FastBlockReader.read("t", "a: 1\n", YamlLimits.DEFAULT.withMaxDocumentCodePoints(4))).isNull();
            StringBuilder veryDeep = new StringBuilder();
            for (int i = 0; i < 300; i++) {
                veryDeep.append("  ".repeat(i)).append("k:\n");
            }
            assertThat(fast(veryDeep.toString())).isNull();
        }

        @Test
        void aSurrogatePairAcrossSnakeyamlsReadChunksIsLeftToIt() {
            // snakeyaml-engine 2.10 throws IndexOutOfBoundsException when a chunk of 1,025 chars ends in a high surrogate
            String unlucky = "a: " + "x".repeat(1021) + "\uD83D\uDE00\n";
            assertThat(fast(unlucky)).isNull();
            assertThat(catchThrowable(() -> ReaderComparison.events(unlucky))).isInstanceOf(IndexOutOfBoundsException.class);
            accepted("a: " + "x".repeat(1020) + "\uD83D\uDE00\n");
        }

        @Test
        void theCodecThenReportsErrorsExactlyAsBefore() {
            for (String bad : List.of("a: 1\na: 2\n", "a: [1, 2\nb: 3\n", "a:\n  b: 1\n c: 2\n", "a: *nope\n")) {
                Throwable viaCodec = catchThrowable(() -> YamlCodec.defaults().readDocuments("t.yaml", bad));
                Throwable viaEvents = catchThrowable(() -> ReaderComparison.events(bad));
                assertThat(viaCodec).as(bad).isNotNull().hasMessage(viaEvents.getMessage());
            }
        }
    }
}
