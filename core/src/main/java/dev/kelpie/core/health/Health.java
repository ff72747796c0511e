package dev.kelpie.core.health;

import java.util.Objects;

/** A health status with a message saying why. Immutable and thread-safe. */
public record Health(HealthStatus status, String message) {
    public Health {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
    }

    public static Health healthy(String message) {
        return new Health(HealthStatus.HEALTHY, message);
    }

    public static Health progressing(String message) {
        return new Health(HealthStatus.PROGRESSING, message);
    }

    public static Health degraded(String message) {
        return new Health(HealthStatus.DEGRADED, message);
    }

    public static Health suspended(String message) {
        return new Health(HealthStatus.SUSPENDED, message);
    }

    @Override
    public String toString() {
        return status.displayName() + (message.isEmpty() ? "" : ": " + message);
    }
}
