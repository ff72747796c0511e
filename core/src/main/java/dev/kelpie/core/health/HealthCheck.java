package dev.kelpie.core.health;

import dev.kelpie.core.model.Resource;

/**
 * Judges the health of live objects of one kind (register it with
 * {@link HealthAssessor.Builder#check(String, String, HealthCheck)}). Implementations are
 * pure and thread-safe; malformed status fields count as not yet reported, never as an error.
 */
@FunctionalInterface
public interface HealthCheck {

    /** The health of a live object. */
    Health assess(Resource live);
}
