package dev.kelpie.secrets;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A SealedSecret (or a raw value) could not be unsealed. As the controller, one failing item
 * fails the whole object: no partial Secret is ever returned. {@link #failures()} lists every
 * failing item; the concrete subtype names the category of the first one
 * ({@link WrongScopeException}, {@link TamperedException}, {@link UnknownKeyException},
 * {@link MalformedSealedSecretException}). Never contains a value.
 */
public class UnsealException extends SecretsException {
    private static final long serialVersionUID = 1L;
    private final String object;
    private final transient List<ItemFailure> failures;

    protected UnsealException(String object, List<ItemFailure> failures, String message) {
        super(message);
        this.object = object;
        this.failures = List.copyOf(failures);
    }

    /**
     * The exception for these item failures, typed by the first failure's reason.
     *
     * @param object how to name the object in the message ({@code SealedSecret ns/name})
     */
    public static UnsealException of(String object, List<ItemFailure> failures) {
        if (failures.isEmpty()) {
            throw new IllegalArgumentException("no failures");
        }
        String message = object + ": cannot unseal " + failures.size() + (failures.size() == 1 ? " item: " : " items: ")
                + failures.stream().map(ItemFailure::toString).collect(Collectors.joining("; "));
        return switch (failures.get(0).reason()) {
            case WRONG_SCOPE -> new WrongScopeException(object, failures, message);
            case TAMPERED -> new TamperedException(object, failures, message);
            case UNKNOWN_KEY -> new UnknownKeyException(object, failures, message);
            case MALFORMED -> new MalformedSealedSecretException(object, failures, message);
        };
    }

    /** The object as named in the message, e.g. {@code SealedSecret team-a/db}. */
    public String object() {
        return object;
    }

    /** Every failing item, in item order. Empty when the object itself is malformed. */
    public List<ItemFailure> failures() {
        return failures == null ? List.of() : failures;
    }
}
