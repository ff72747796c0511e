package dev.kelpie.secrets;

import java.util.Objects;

/**
 * Sealing refused because the input Secret (or the options) is not acceptable, for the same
 * reasons kubeseal refuses it. The message names the object and the reason, never a value.
 */
public class SealRefusedException extends SecretsException {
    private static final long serialVersionUID = 1L;

    /** Why sealing was refused. */
    public enum Reason {
        /** The input is not a v1 Secret, or a field has the wrong type. */
        NOT_A_SECRET,
        /** Neither {@code data} nor {@code stringData} has an item (and empty data was not allowed). */
        EMPTY_DATA,
        /** No {@code metadata.name} and no name given. */
        MISSING_NAME,
        /** Not cluster-wide, and no namespace in the Secret or the options. */
        MISSING_NAMESPACE,
        /** The namespace option differs from {@code metadata.namespace}. */
        NAMESPACE_MISMATCH,
        /** A {@code data} value is not valid base64. */
        BAD_DATA
    }

    private final Reason reason;
    private final String object;

    public SealRefusedException(Reason reason, String object, String message) {
        super(object + ": " + message);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.object = object;
    }

    public Reason reason() {
        return reason;
    }

    /** The Secret as the user named it (for example {@code Secret team-a/db}). */
    public String object() {
        return object;
    }
}
