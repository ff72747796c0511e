package dev.kelpie.core.health;

/**
 * How healthy an object or application is, ordered from best to worst as Argo CD aggregates
 * application health: the application is as healthy as its worst object.
 */
public enum HealthStatus {
    HEALTHY,
    SUSPENDED,
    PROGRESSING,
    MISSING,
    DEGRADED,
    UNKNOWN;

    /** The worse of two statuses. */
    public HealthStatus worst(HealthStatus other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    /** The name as Argo CD prints it, e.g. {@code Healthy}. */
    public String displayName() {
        String n = name();
        return n.charAt(0) + n.substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
