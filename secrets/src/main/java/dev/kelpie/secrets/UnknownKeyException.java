package dev.kelpie.secrets;

import java.util.List;

/** No key of the ring opens an item under any scope: it was sealed for a key the ring does not hold, or its RSA part was modified. */
public class UnknownKeyException extends UnsealException {
    private static final long serialVersionUID = 1L;

    UnknownKeyException(String object, List<ItemFailure> failures, String message) {
        super(object, failures, message);
    }
}
