package dev.kelpie.core.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SourceOfTest {
    @Test
    void aSourceMadeFromAFunctionAsksItForEachRevision() {
        Source s = Source.of("generated", rev -> new Snapshot("rev-" + rev,
                InMemoryFileTree.builder().file("app/a.yaml", "kind: x").build()));
        assertThat(s.describe()).isEqualTo("generated");
        assertThat(s.snapshot("main").revision()).isEqualTo("rev-main");
        assertThat(s.snapshot("v1").tree().isFile("app/a.yaml")).isTrue();
    }

    @Test
    void aFunctionThatReturnsNothingIsAnErrorNamingTheSource() {
        Source s = Source.of("broken", rev -> null);
        assertThatThrownBy(() -> s.snapshot("main")).isInstanceOf(NullPointerException.class).hasMessageContaining("broken");
    }
}
