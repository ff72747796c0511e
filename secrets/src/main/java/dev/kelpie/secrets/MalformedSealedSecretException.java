package dev.kelpie.secrets;

import java.util.List;

/**
 * The input cannot be unsealed because it is malformed: not a SealedSecret, a field of the
 * wrong type, an item that is not std-base64, shorter than its length prefix, and so on.
 */
public class MalformedSealedSecretException extends UnsealException {
    private static final long serialVersionUID = 1L;

    MalformedSealedSecretException(String object, List<ItemFailure> failures, String message) {
        super(object, failures, message);
    }

    /** An object-level problem (no single item at fault). */
    public static MalformedSealedSecretException of(String object, String reason) {
        return new MalformedSealedSecretException(object, List.of(), object + ": " + reason);
    }
}
