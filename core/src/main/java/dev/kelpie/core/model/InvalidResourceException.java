package dev.kelpie.core.model;

import dev.kelpie.core.KelpieException;
import java.util.Objects;

/** A document is not a valid Kubernetes object: a required field is missing or has the wrong type. */
public class InvalidResourceException extends KelpieException {
    private static final long serialVersionUID = 1L;
    private final transient Origin origin;
    private final String field;

    public InvalidResourceException(Origin origin, String field, String problem) {
        super(origin + ": " + field + ": " + problem);
        this.origin = Objects.requireNonNull(origin, "origin");
        this.field = field;
    }

    /** Where the bad document came from. */
    public Origin origin() {
        return origin;
    }

    /** The offending field path, e.g. {@code metadata.name}. */
    public String field() {
        return field;
    }
}
