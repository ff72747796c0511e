package dev.kelpie.core.backend;

import dev.kelpie.core.model.Resource;
import java.util.Objects;

/** One change seen by a watch. Immutable and thread-safe. */
public record WatchEvent(Type type, Resource object) {
    /** As the Kubernetes watch API names them. */
    public enum Type { ADDED, MODIFIED, DELETED }

    public WatchEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(object, "object");
    }
}
