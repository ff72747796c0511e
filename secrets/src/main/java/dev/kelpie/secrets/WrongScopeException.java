package dev.kelpie.secrets;

import java.util.List;

/** An item opens only under another scope's label: the SealedSecret was renamed, moved or its scope annotation changed. */
public class WrongScopeException extends UnsealException {
    private static final long serialVersionUID = 1L;

    WrongScopeException(String object, List<ItemFailure> failures, String message) {
        super(object, failures, message);
    }
}
