package dev.kelpie.core.source.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SemverRangeTest {
    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource(delimiter = ';', value = {
        ">=1.0.0 <2.0.0 ; 1.5.0       ; true",
        ">=1.0.0 <2.0.0 ; 2.0.0       ; false",
        ">=1.0.0, <2.0.0; 1.9.9       ; true",
        "~1.2           ; 1.2.9       ; true",
        "~1.2           ; 1.3.0       ; false",
        "~1.2.3         ; 1.2.2       ; false",
        "^1.2.3         ; 1.9.0       ; true",
        "^1.2.3         ; 2.0.0       ; false",
        "^0.2.3         ; 0.2.9       ; true",
        "^0.2.3         ; 0.3.0       ; false",
        "1.2.x          ; 1.2.7       ; true",
        "1.2.x          ; 1.3.0       ; false",
        "*              ; 9.9.9       ; true",
        "*              ; 1.0.0-rc.1  ; false",
        ">=1.0.0-rc.0   ; 1.0.0-rc.1  ; true",
        "1.2 - 1.4      ; 1.4.9       ; true",
        "1.2 - 1.4.0    ; 1.4.1       ; false",
        "<1.0 || >=3    ; 0.5.0       ; true",
        "<1.0 || >=3    ; 2.0.0       ; false",
        "!=1.2.3        ; 1.2.3       ; false",
        ">1.2           ; 1.2.9       ; false",
        ">1.2           ; 1.3.0       ; true",
        "=v1.2.3        ; 1.2.3       ; true",
        "<=1.2          ; 1.2.9       ; true",
    })
    void matches(String range, String version, boolean expected) {
        SemverRange r = SemverRange.parse(range).orElseThrow();
        assertThat(r.test(SemanticVersion.parse(version).orElseThrow())).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"main", "feature/x", "abc..def", ">=", "1.2.3.4.5"})
    void branchNamesAreNotRanges(String text) {
        assertThat(SemverRange.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"1.0.0-alpha,1.0.0-alpha.1", "1.0.0-alpha.1,1.0.0-beta", "1.0.0-beta.2,1.0.0-beta.11",
        "1.0.0-rc.1,1.0.0", "v1.0.0,1.0.1"})
    void versionsOrderAsSemverSays(String lower, String higher) {
        assertThat(SemanticVersion.parse(lower).orElseThrow()).isLessThan(SemanticVersion.parse(higher).orElseThrow());
    }
}
