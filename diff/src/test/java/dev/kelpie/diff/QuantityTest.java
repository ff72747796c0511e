package dev.kelpie.diff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuantityTest {
    @ParameterizedTest
    @CsvSource({"1000m,1", "1,1", "0.5,500m", "500m,500m", "1Gi,1Gi", "1024Mi,1Gi", "1073741824,1Gi",
        "1.5Gi,1536Mi", "2k,2k", "2000,2k", "1e3,1k", "100m,100m", "0.1,100m", "1G,1G", "0,0", "-1,-1",
        "1n,1n", "1.5,1500m", ".5,500m", "128974848,123Mi", "129e6,129M", "1Ki,1Ki"})
    void canonicalTextIsOnePerValue(String text, String canonical) {
        assertThat(Quantity.parse(text)).hasValueSatisfying(q -> assertThat(q.canonical()).isEqualTo(canonical));
    }

    @ParameterizedTest
    @CsvSource({"1000m,1", "1Gi,1024Mi", "0.5,500m", "1e3,1k"})
    void equalValuesAreEqual(String a, String b) {
        assertThat(Quantity.parse(a)).isEqualTo(Quantity.parse(b));
    }

    @ParameterizedTest
    @CsvSource({"abc", "1Qi", "''", "1.2.3", "m"})
    void nonQuantitiesAreRejected(String text) {
        assertThat(Quantity.parse(text)).isEmpty();
    }
}
