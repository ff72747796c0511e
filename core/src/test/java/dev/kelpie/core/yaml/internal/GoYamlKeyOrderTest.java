package dev.kelpie.core.yaml.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelpie.core.yaml.OutputStyle;
import dev.kelpie.core.yaml.YamlCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class GoYamlKeyOrderTest {
    private static List<String> sorted(String... keys) {
        List<Map.Entry<String, Integer>> entries = new ArrayList<>();
        for (String k : keys) {
            entries.add(Map.entry(k, 0));
        }
        GoYamlKeyOrder.sort(entries);
        return entries.stream().map(Map.Entry::getKey).toList();
    }

    @Test
    void sortsAsKustomizePrints() {
        // an underscore before a letter: kustomize prints A_FIRST before ANOTHER (byte order would not)
        assertThat(sorted("ANOTHER_ENV_VARIABLE", "A_FIRST_ENV_VARIABLE"))
                .containsExactly("A_FIRST_ENV_VARIABLE", "ANOTHER_ENV_VARIABLE");
        assertThat(sorted("name", "labels", "annotations", "namespace"))
                .containsExactly("annotations", "labels", "name", "namespace");
        assertThat(sorted("item10", "item2", "item1")).containsExactly("item1", "item2", "item10");
        assertThat(sorted("a01", "a1")).containsExactly("a1", "a01");
        assertThat(sorted("1-", "1a")).containsExactly("1a", "1-");
        assertThat(sorted("ab", "a")).containsExactly("a", "ab");
        assertThat(sorted("apiVersion", "kind", "data", "metadata")).containsExactly("apiVersion", "data", "kind", "metadata");
    }

    @Test
    void theCodecWritesKeysInThatOrder() {
        YamlCodec codec = YamlCodec.defaults().withStyle(OutputStyle.KUSTOMIZE);
        var tree = YamlCodec.defaults().readDocuments("x", "b: 1\nA_x: 2\nAB: 3\nitem10: 4\nitem9: 5\n").get(0).tree();
        assertThat(codec.write(tree)).isEqualTo("A_x: 2\nAB: 3\nb: 1\nitem9: 5\nitem10: 4\n");
        assertThat(YamlCodec.defaults().write(tree)).isEqualTo("AB: 3\nA_x: 2\nb: 1\nitem10: 4\nitem9: 5\n");
        assertThat(YamlCodec.defaults().preservingKeyOrder().write(tree)).isEqualTo("b: 1\nA_x: 2\nAB: 3\nitem10: 4\nitem9: 5\n");
    }

    @Test
    void largeMapsSortInTheSameOrder() {
        String[] keys = new String[2000];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = (i % 3 == 0 ? "A_" : i % 3 == 1 ? "AB" : "item") + (keys.length - i);
        }
        List<String> big = sorted(keys);
        for (int i = 1; i < big.size(); i++) {
            assertThat(GoYamlKeyOrder.less(big.get(i), big.get(i - 1))).as(big.get(i - 1) + " / " + big.get(i)).isFalse();
        }
        assertThat(big.get(0)).isEqualTo("A_2");
    }

    @Property(tries = 300)
    void sortingTwiceChangesNothingAndKeepsEveryKey(@ForAll List<@StringLength(max = 6) String> keys) {
        List<String> distinct = keys.stream().distinct().toList();
        List<String> once = sorted(distinct.toArray(String[]::new));
        assertThat(once).containsExactlyInAnyOrderElementsOf(distinct);
        assertThat(sorted(once.toArray(String[]::new))).isEqualTo(once);
    }
}
