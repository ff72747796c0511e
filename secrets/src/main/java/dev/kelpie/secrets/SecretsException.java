package dev.kelpie.secrets;

import dev.kelpie.core.KelpieException;

/**
 * Root of every exception the secrets module raises. Messages name the object, the item and
 * the reason; they never contain a secret value or key material.
 */
public class SecretsException extends KelpieException {
    private static final long serialVersionUID = 1L;

    public SecretsException(String message) {
        super(message);
    }

    public SecretsException(String message, Throwable cause) {
        super(message, cause);
    }
}
