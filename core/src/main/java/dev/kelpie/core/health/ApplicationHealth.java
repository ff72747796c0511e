package dev.kelpie.core.health;

import dev.kelpie.core.model.ResourceId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The health of an application: the worst health of its objects, and each object's health.
 * Immutable and thread-safe.
 */
public record ApplicationHealth(HealthStatus status, Map<ResourceId, Health> objects) {
    public ApplicationHealth {
        Objects.requireNonNull(status, "status");
        objects = Collections.unmodifiableMap(new LinkedHashMap<>(objects));
    }
}
