package dev.kelpie.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kelpie.diff.internal.json.JsonValues;

/** Tree comparison with readable failures. */
final class JsonAssert {
    private JsonAssert() {
    }

    static void assertJsonEquals(String what, JsonNode actual, JsonNode expected) {
        if (!JsonValues.equal(actual, expected)) {
            assertThat(KubectlJson.pretty(actual)).as(what).isEqualTo(KubectlJson.pretty(expected));
            assertThat(JsonValues.equal(actual, expected)).as(what + " (numeric equality)").isTrue();
        }
    }
}
