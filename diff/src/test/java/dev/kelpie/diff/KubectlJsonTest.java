package dev.kelpie.diff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KubectlJsonTest {
    @Test
    void sortsKeysAndFormatsNumbersAsGo() {
        var n = Corpus.json("{\"b\": [1, 2.50, 3e+38, 1e-7, 9223372036854775807], \"a\": {}, \"c\": []}");
        assertThat(KubectlJson.compact(n)).isEqualTo("{\"a\":{},\"b\":[1,2.5,3e+38,1e-7,9223372036854775807],\"c\":[]}");
        assertThat(KubectlJson.pretty(Corpus.json("{\"k\": {\"x\": \"<&>\"}}")))
                .isEqualTo("{\n    \"k\": {\n        \"x\": \"\\u003c\\u0026\\u003e\"\n    }\n}");
    }
}
