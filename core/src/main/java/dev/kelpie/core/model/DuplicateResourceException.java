package dev.kelpie.core.model;

import dev.kelpie.core.KelpieException;

/** Two documents describe the same object. The message names the object and both origins. */
public class DuplicateResourceException extends KelpieException {
    private static final long serialVersionUID = 1L;
    private final transient ResourceId id;
    private final transient Origin first;
    private final transient Origin second;

    public DuplicateResourceException(ResourceId id, Origin first, Origin second) {
        super("duplicate object " + id + ": defined in " + first + " and again in " + second);
        this.id = id;
        this.first = first;
        this.second = second;
    }

    public ResourceId id() {
        return id;
    }

    public Origin first() {
        return first;
    }

    public Origin second() {
        return second;
    }
}
