package dev.kelpie.secrets;

import java.util.List;

/** An item's RSA part opened but its AES-GCM part failed authentication (or the session key had a bad length): the value was modified. */
public class TamperedException extends UnsealException {
    private static final long serialVersionUID = 1L;

    TamperedException(String object, List<ItemFailure> failures, String message) {
        super(object, failures, message);
    }
}
