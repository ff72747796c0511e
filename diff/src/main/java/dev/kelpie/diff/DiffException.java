package dev.kelpie.diff;

import java.util.Objects;

/**
 * The root of every error the diff module throws: a malformed document or patch, an unknown
 * directive, a missing path, a conflict. The message names the operation and the field path.
 * Messages never carry field values (they may be Secret data), only keys and merge-key values.
 *
 * <p>Immutable and thread-safe.
 */
public class DiffException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String operation;
    private final String path;

    /**
     * Creates an error.
     *
     * @param operation what was being done, e.g. {@code "strategic merge patch apply"}
     * @param path the field path where it failed ({@code ""} for the document root)
     * @param message what went wrong
     */
    public DiffException(String operation, String path, String message) {
        super(format(operation, path, message));
        this.operation = Objects.requireNonNull(operation, "operation");
        this.path = Objects.requireNonNull(path, "path");
    }

    /** Same, with a cause. */
    public DiffException(String operation, String path, String message, Throwable cause) {
        super(format(operation, path, message), cause);
        this.operation = Objects.requireNonNull(operation, "operation");
        this.path = Objects.requireNonNull(path, "path");
    }

    private static String format(String operation, String path, String message) {
        return operation + ": " + (path.isEmpty() ? "" : path + ": ") + message;
    }

    /** The operation that failed, e.g. {@code "strategic merge patch apply"}. */
    public String operation() {
        return operation;
    }

    /** The field path where it failed, e.g. {@code "spec.template.spec.containers"}; empty for the root. */
    public String path() {
        return path;
    }
}
