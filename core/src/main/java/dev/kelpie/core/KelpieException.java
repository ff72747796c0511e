package dev.kelpie.core;

/**
 * Root of every exception Kelpie's core raises for bad input or outside failures.
 *
 * <p>Unchecked, so it crosses lambdas and pipelines. Subtypes carry data (an origin, an
 * object id, a field), not just text. Messages never contain secret values.
 */
public class KelpieException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public KelpieException(String message) {
        super(message);
    }

    public KelpieException(String message, Throwable cause) {
        super(message, cause);
    }
}
