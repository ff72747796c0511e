package dev.kelpie.diff;

/**
 * A three-way patch would overwrite a change someone else made to the live object (the
 * patch and the original-to-current change set the same field differently). Thrown only
 * when overwriting is not allowed.
 *
 * <p>Immutable and thread-safe.
 */
public final class PatchConflictException extends DiffException {
    private static final long serialVersionUID = 1L;

    /** Creates a conflict error for {@code path}. */
    public PatchConflictException(String operation, String path, String message) {
        super(operation, path, message);
    }
}
