package dev.kelpie.core.health.internal;

import static dev.kelpie.core.health.internal.StatusFields.condition;
import static dev.kelpie.core.health.internal.StatusFields.spec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kelpie.core.health.Health;
import dev.kelpie.core.model.Resource;
import java.util.Optional;

/** Job and CronJob health as Argo CD judges them. Stateless. */
public final class BatchHealth {
    private BatchHealth() {
    }

    public static Health job(Resource r) {
        Optional<JsonNode> failed = condition(r, "Failed");
        if (failed.isPresent() && "True".equals(failed.get().path("status").asText())) {
            return Health.degraded(StatusFields.message(failed.get()));
        }
        Optional<JsonNode> complete = condition(r, "Complete");
        if (complete.isPresent() && "True".equals(complete.get().path("status").asText())) {
            return Health.healthy(StatusFields.message(complete.get()));
        }
        if (spec(r).path("suspend").asBoolean(false)) {
            return Health.suspended("Job is suspended");
        }
        return Health.progressing("Job is running");
    }

    public static Health cronJob(Resource r) {
        if (spec(r).path("suspend").asBoolean(false)) {
            return Health.suspended("CronJob is suspended");
        }
        return Health.healthy("");
    }
}
