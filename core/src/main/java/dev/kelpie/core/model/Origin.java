package dev.kelpie.core.model;

import java.util.Objects;

/**
 * Where a resource or a parse error came from: a file (path as the user knows it), the
 * zero-based document index inside a multi-document stream, and a one-based line and column
 * (0 when unknown). Immutable and thread-safe.
 */
public record Origin(String file, int document, int line, int column) {

    /** An origin for objects built in code rather than read from a file. */
    public static final Origin UNKNOWN = new Origin("<memory>", 0, 0, 0);

    public Origin {
        Objects.requireNonNull(file, "file");
        if (document < 0 || line < 0 || column < 0) {
            throw new IllegalArgumentException("document, line and column must be >= 0");
        }
    }

    public static Origin of(String file) {
        return new Origin(file, 0, 0, 0);
    }

    public static Origin of(String file, int line, int column) {
        return new Origin(file, 0, line, column);
    }

    /** The same origin at another document index. */
    public Origin withDocument(int index) {
        return new Origin(file, index, line, column);
    }

    /** Renders as {@code file:line:column}, leaving out unknown parts. */
    @Override
    public String toString() {
        if (line == 0) {
            return file;
        }
        return column == 0 ? file + ":" + line : file + ":" + line + ":" + column;
    }
}
