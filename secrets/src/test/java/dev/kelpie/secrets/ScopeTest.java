package dev.kelpie.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScopeTest {
    @Test
    void labelsAreTheControllers() {
        assertThat(new String(Scope.STRICT.label("ns", "db"), StandardCharsets.UTF_8)).isEqualTo("ns/db");
        assertThat(new String(Scope.NAMESPACE_WIDE.label("ns", "db"), StandardCharsets.UTF_8)).isEqualTo("ns");
        assertThat(Scope.CLUSTER_WIDE.label("ns", "db")).isEmpty();
        assertThat(new String(Scope.STRICT.label("", "db"), StandardCharsets.UTF_8)).isEqualTo("/db");
    }

    @Test
    void onlyTheExactStringTrueSelectsAScopeAndClusterWideWins() {
        assertThat(Scope.ofAnnotations(Map.of(Scope.NAMESPACE_WIDE_ANNOTATION, "True"))).isEqualTo(Scope.STRICT);
        assertThat(Scope.ofAnnotations(Map.of(Scope.NAMESPACE_WIDE_ANNOTATION, "true"))).isEqualTo(Scope.NAMESPACE_WIDE);
        assertThat(Scope.ofAnnotations(Map.of(Scope.NAMESPACE_WIDE_ANNOTATION, "true", Scope.CLUSTER_WIDE_ANNOTATION, "true")))
                .isEqualTo(Scope.CLUSTER_WIDE);
        assertThat(Scope.ofAnnotations(Map.of())).isEqualTo(Scope.STRICT);
    }

    @Test
    void parsesKubesealFlags() {
        assertThat(Scope.parse("namespace-wide")).isEqualTo(Scope.NAMESPACE_WIDE);
        assertThat(Scope.parse("cluster-wide").flag()).isEqualTo("cluster-wide");
        assertThatThrownBy(() -> Scope.parse("global")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("global");
    }
}
