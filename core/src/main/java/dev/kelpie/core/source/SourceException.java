package dev.kelpie.core.source;

import dev.kelpie.core.KelpieException;

/** Reading desired state failed: a missing file, a path outside the tree, a Git error. */
public class SourceException extends KelpieException {
    private static final long serialVersionUID = 1L;

    public SourceException(String message) {
        super(message);
    }

    public SourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
