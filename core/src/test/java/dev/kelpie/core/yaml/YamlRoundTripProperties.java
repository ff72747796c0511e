package dev.kelpie.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Reading what the codec wrote gives the same tree back, for generated trees full of traps. */
class YamlRoundTripProperties {
    private static final JsonNodeFactory F = JsonNodeFactory.withExactBigDecimals(true);
    private final YamlCodec yaml = YamlCodec.defaults();
    private final YamlCodec ordered = YamlCodec.defaults().preservingKeyOrder();

    @Property(tries = 300)
    void readingWhatWasWrittenGivesTheSameTree(@ForAll("documents") JsonNode doc) {
        String text = ordered.write(doc);
        List<YamlDocument> back = yaml.readDocuments("rt.yaml", text);
        assertThat(back).hasSize(1);
        assertThat(back.get(0).tree()).as(text).isEqualTo(doc);
    }

    @Property(tries = 100)
    void writingIsDeterministicAndSortedOutputIsStable(@ForAll("documents") JsonNode doc) {
        String once = yaml.write(doc);
        assertThat(yaml.write(yaml.readDocuments("a", once).get(0).tree())).isEqualTo(once);
    }

    @Provide
    Arbitrary<JsonNode> documents() {
        return objects(3);
    }

    private Arbitrary<JsonNode> objects(int depth) {
        Arbitrary<JsonNode> value = depth == 0 ? scalars() : Arbitraries.oneOf(scalars(), scalars(), objects(depth - 1), arrays(depth - 1));
        return Arbitraries.maps(keys(), value).ofMinSize(1).ofMaxSize(5).map(m -> {
            ObjectNode o = F.objectNode();
            m.forEach(o::set);
            return o;
        });
    }

    private Arbitrary<JsonNode> arrays(int depth) {
        Arbitrary<JsonNode> value = depth == 0 ? scalars() : Arbitraries.oneOf(scalars(), objects(depth - 1), arrays(depth - 1));
        return value.list().ofMaxSize(4).map(l -> {
            ArrayNode a = F.arrayNode();
            l.forEach(a::add);
            return a;
        });
    }

    private Arbitrary<String> keys() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8),
                Arbitraries.of("app.kubernetes.io/name", "true", "on", "0123", "- x", "a: b", "#c", "", "null", "key with space"));
    }

    private Arbitrary<JsonNode> scalars() {
        return Arbitraries.oneOf(
                trickyStrings().map(F::textNode),
                Arbitraries.strings().ofMaxLength(20).map(F::textNode),
                Arbitraries.integers().map(i -> (JsonNode) F.numberNode(i)),
                Arbitraries.longs().filter(l -> l != (int) (long) l).map(l -> (JsonNode) F.numberNode(l)),
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(20), BigInteger.TEN.pow(30)).map(b -> (JsonNode) F.numberNode(b)),
                Arbitraries.bigDecimals().between(new BigDecimal("-1000"), new BigDecimal("1000")).ofScale(2).map(d -> (JsonNode) F.numberNode(d)),
                Arbitraries.of(true, false).map(b -> (JsonNode) F.booleanNode(b)),
                Arbitraries.just(F.nullNode()),
                Arbitraries.just(F.objectNode()),
                Arbitraries.just(F.arrayNode()));
    }

    private Arbitrary<String> trickyStrings() {
        return Arbitraries.of("true", "True", "false", "yes", "no", "on", "off", "y", "n", "~", "null", "Null", "",
                "0123", "0x1F", "0o17", "1e3", ".5", "-.inf", ".nan", "1_000", "+1", "12:30", "2024-01-01",
                "- item", "? q", ": x", "a: b", "a #b", "#comment", "[x]", "{y}", "*alias", "&anchor", "!tag", "|", ">",
                "'q'", "\"dq\"", "%x", "@at", "`bt`", " leading", "trailing ", "tab\there", "line\nbreak", "end\n",
                "two\n\n", "a\n\nb", "trailing space \nnext", "\u00e9t\u00e9 \u2603", "ctrl\u0001char", "---", "...",
                "multi\nline\ntext\n", "  indented\nblock", "key:", "x:y", "http://example.com/a?b#c");
    }
}
