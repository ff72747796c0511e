package dev.kelpie.secrets;

/**
 * A key or certificate could not be read: not PEM, an unknown PEM type, not RSA, or a broken
 * encoding. The message names the source; it never contains key bytes.
 */
public class InvalidKeyMaterialException extends SecretsException {
    private static final long serialVersionUID = 1L;
    private final String source;

    public InvalidKeyMaterialException(String source, String reason) {
        super(source + ": " + reason);
        this.source = source;
    }

    public InvalidKeyMaterialException(String source, String reason, Throwable cause) {
        super(source + ": " + reason, cause);
        this.source = source;
    }

    /** Where the key came from (a file name, a Secret, or {@code <memory>}). */
    public String source() {
        return source;
    }
}
