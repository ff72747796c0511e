package dev.kelpie.core.render;

import dev.kelpie.core.KelpieException;

/** Rendering desired state failed. A failed render never reaches prune. */
public class RenderException extends KelpieException {
    private static final long serialVersionUID = 1L;

    public RenderException(String message) {
        super(message);
    }

    public RenderException(String message, Throwable cause) {
        super(message, cause);
    }
}
