package dev.kelpie.core.health.internal;

import static dev.kelpie.core.health.internal.StatusFields.condition;
import static dev.kelpie.core.health.internal.StatusFields.generation;
import static dev.kelpie.core.health.internal.StatusFields.observedGeneration;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kelpie.core.health.Health;
import dev.kelpie.core.model.Resource;
import java.util.Optional;

/**
 * kstatus' generic rules for every kind without its own check: terminating and an unobserved
 * generation are progressing; {@code Stalled=True} is degraded (kstatus "Failed");
 * {@code Reconciling=True} and {@code Ready=False} are progressing; otherwise current, i.e.
 * healthy (an object without status conditions has nothing to wait for). Stateless.
 */
public final class GenericHealth {
    private GenericHealth() {
    }

    public static Health generic(Resource r) {
        if (StatusFields.terminating(r)) {
            return Health.progressing("object is being deleted");
        }
        Optional<Long> og = observedGeneration(r);
        if (og.isPresent() && og.get() < generation(r)) {
            return Health.progressing("controller has not observed generation " + generation(r) + " yet");
        }
        Optional<JsonNode> stalled = condition(r, "Stalled");
        if (stalled.isPresent() && "True".equals(stalled.get().path("status").asText())) {
            return Health.degraded(StatusFields.message(stalled.get()));
        }
        Optional<JsonNode> reconciling = condition(r, "Reconciling");
        if (reconciling.isPresent() && "True".equals(reconciling.get().path("status").asText())) {
            return Health.progressing(StatusFields.message(reconciling.get()));
        }
        Optional<JsonNode> ready = condition(r, "Ready");
        if (ready.isPresent() && "False".equals(ready.get().path("status").asText())) {
            return Health.progressing(StatusFields.message(ready.get()));
        }
        return Health.healthy(ready.map(StatusFields::message).orElse(""));
    }
}
