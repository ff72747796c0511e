package dev.kelpie.testkit.internal.ssa;

/** An object does not fit the schema field ownership works with (for example a list element without its key). */
public final class SchemaViolationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public SchemaViolationException(String message) {
        super(message);
    }
}
