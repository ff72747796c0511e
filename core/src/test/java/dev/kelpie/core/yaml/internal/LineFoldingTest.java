package dev.kelpie.core.yaml.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.core.yaml.OutputStyle;
import dev.kelpie.core.yaml.YamlCodec;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class LineFoldingTest {
    @Test
    void breaksAtTheFirstSpaceAfterColumnEighty() {
        // the space after the 15th word is at column 84: the first one past 80
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.putObject("metadata").putObject("annotations").put("note", "word ".repeat(20).trim());
        assertThat(YamlCodec.defaults().write(o)).isEqualTo("""
                metadata:
                  annotations:
                    note: word word word word word word word word word word word word word word word
                      word word word word word
                """);
    }

    @Property(tries = 400)
    void foldedTextReadsBackUnchanged(@ForAll("texts") String text, @ForAll("styles") OutputStyle style,
                                      @ForAll("depths") int depth) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode leaf = root;
        for (int i = 0; i < depth; i++) {
            leaf = leaf.putObject("level" + i);
        }
        leaf.put("value", text);
        leaf.putArray("list").add(text);
        YamlCodec codec = YamlCodec.defaults().withStyle(style);
        String yaml = codec.write(root);
        assertThat(YamlCodec.defaults().readDocuments("x", yaml).get(0).tree()).as(yaml).isEqualTo(root);
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> word = Arbitraries.oneOf(List.of(
                Arbitraries.strings().withChars("abcdefghij").ofMinLength(1).ofMaxLength(12),
                Arbitraries.of("it's", "\"q\"", "a: b", "#x", "-", "  ", " ", "tab\there", "é", "😀", "'", "\\")));
        return word.list().ofMinSize(1).ofMaxSize(40).map(ws -> String.join(" ", ws));
    }

    @Provide
    Arbitrary<OutputStyle> styles() {
        return Arbitraries.of(OutputStyle.class);
    }

    @Provide
    Arbitrary<Integer> depths() {
        return Arbitraries.integers().between(0, 6);
    }
}
