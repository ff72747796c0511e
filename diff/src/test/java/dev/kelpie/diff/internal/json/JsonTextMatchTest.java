package dev.kelpie.diff.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

class JsonTextMatchTest {
    private static final ObjectMapper JSON = JsonMapper.builder().nodeFactory(JsonValues.NODES).build();

    private static JsonNode tree(String json) throws Exception {
        return JSON.readTree(json);
    }

    @Test
    void equalDocumentsMatchInTreeOrderOrSorted() throws Exception {
        JsonNode t = tree("{\"c\":1,\"b\":[true,false,null,\"x\"],\"a\":{\"e\":\"é\\n\",\"d\":2}}");
        assertThat(JsonTextMatch.matches("{\"c\":1,\"b\":[true,false,null,\"x\"],\"a\":{\"e\":\"é\\n\",\"d\":2}}", t)).isTrue();
        assertThat(JsonTextMatch.matches(" {\"a\":{\"d\":2,\"e\":\"é\\n\"},\"b\":[true,false,null,\"x\"],\"c\":1} ", t)).isTrue();
        assertThat(JsonTextMatch.matches("{\"c\":1,\"a\":{\"d\":2,\"e\":\"é\\n\"},\"b\":[true,false,null,\"x\"]}", t))
                .as("neither order: unsure").isFalse();
    }

    @Test
    void anyDifferenceDoesNotMatch() throws Exception {
        JsonNode t = tree("{\"a\":1,\"b\":[1,2],\"c\":{\"d\":\"x\"}}");
        assertThat(JsonTextMatch.matches("{\"a\":2,\"b\":[1,2],\"c\":{\"d\":\"x\"}}", t)).isFalse();
        assertThat(JsonTextMatch.matches("{\"a\":1,\"b\":[1,2,3],\"c\":{\"d\":\"x\"}}", t)).isFalse();
        assertThat(JsonTextMatch.matches("{\"a\":1,\"b\":[1],\"c\":{\"d\":\"x\"}}", t)).isFalse();
        assertThat(JsonTextMatch.matches("{\"a\":1,\"b\":[1,2],\"c\":{\"d\":\"y\"}}", t)).isFalse();
        assertThat(JsonTextMatch.matches("{\"a\":1,\"b\":[1,2],\"c\":{}}", t)).isFalse();
        assertThat(JsonTextMatch.matches("{\"a\":1,\"b\":[1,2]}", t)).isFalse();
        assertThat(JsonTextMatch.matches("{\"a\":1,\"b\":[1,2],\"c\":{\"d\":\"x\"},\"e\":null}", t)).isFalse();
        assertThat(JsonTextMatch.matches("{\"a\":\"1\",\"b\":[1,2],\"c\":{\"d\":\"x\"}}", t)).isFalse();
    }

    @Test
    void unsureCasesDoNotMatchSoTheCallerParses() throws Exception {
        JsonNode t = tree("{\"a\":1,\"b\":2}");
        assertThat(JsonTextMatch.matches("{\"a\":1,\"a\":1}", tree("{\"a\":1,\"b\":1}"))).isFalse();
        assertThat(JsonTextMatch.matches("{\"b\":1,\"b\":1}", tree("{\"a\":1,\"b\":1}"))).isFalse();
        assertThat(JsonTextMatch.matches("{\"b\":1,\"a\":1,\"b\":1}", tree("{\"a\":1,\"b\":1,\"c\":1}"))).isFalse();
        assertThat(JsonTextMatch.matches("{\"a\":1,\"b\":2} trailing", t)).isFalse();
        assertThat(JsonTextMatch.matches("{\"a\":1,\"b\":2", t)).isFalse();
        assertThat(JsonTextMatch.matches("", t)).isFalse();
        assertThat(JsonTextMatch.matches("{\"a\":1.0,\"b\":2}", t)).isFalse();
        assertThat(JsonTextMatch.matches("{\"a\":1,\"b\":99999999999999999999999}", t)).isFalse();
    }
}
