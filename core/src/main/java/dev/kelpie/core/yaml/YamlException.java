package dev.kelpie.core.yaml;

import dev.kelpie.core.KelpieException;
import dev.kelpie.core.model.Origin;
import java.util.Objects;

/**
 * A YAML or JSON stream could not be read: a syntax error, a duplicate key, a limit exceeded.
 * The message starts with {@code file:line:column}; {@link #origin()} carries the same.
 */
public class YamlException extends KelpieException {
    private static final long serialVersionUID = 1L;
    private final transient Origin origin;

    public YamlException(Origin origin, String problem) {
        super(origin + ": " + problem);
        this.origin = Objects.requireNonNull(origin, "origin");
    }

    public YamlException(Origin origin, String problem, Throwable cause) {
        super(origin + ": " + problem, cause);
        this.origin = Objects.requireNonNull(origin, "origin");
    }

    public Origin origin() {
        return origin;
    }
}
