package dev.kelpie.core.health.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kelpie.core.model.Resource;
import java.util.Optional;

/** Reads the status fields health checks look at, tolerating absent or mistyped fields. */
public final class StatusFields {
    private StatusFields() {
    }

    public static JsonNode status(Resource r) {
        return r.unsafeTree().path("status");
    }

    public static JsonNode spec(Resource r) {
        return r.unsafeTree().path("spec");
    }

    public static long generation(Resource r) {
        return r.unsafeTree().path("metadata").path("generation").asLong(0);
    }

    /** status.observedGeneration, or empty when the controller has not reported one. */
    public static Optional<Long> observedGeneration(Resource r) {
        JsonNode n = status(r).path("observedGeneration");
        return n.isNumber() ? Optional.of(n.asLong()) : Optional.empty();
    }

    public static long number(JsonNode parent, String field, long absent) {
        JsonNode n = parent.path(field);
        return n.isNumber() ? n.asLong() : absent;
    }

    /** The condition of a type, if the object reports it. */
    public static Optional<JsonNode> condition(Resource r, String type) {
        for (JsonNode c : status(r).path("conditions")) {
            if (type.equals(c.path("type").asText())) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    public static boolean conditionIs(Resource r, String type, String status) {
        return condition(r, type).map(c -> status.equals(c.path("status").asText())).orElse(false);
    }

    public static String message(JsonNode condition) {
        String m = condition.path("message").asText("");
        return m.isEmpty() ? condition.path("reason").asText("") : m;
    }

    public static boolean terminating(Resource r) {
        return !r.unsafeTree().path("metadata").path("deletionTimestamp").isMissingNode();
    }
}
