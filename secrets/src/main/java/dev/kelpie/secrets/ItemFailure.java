package dev.kelpie.secrets;

import java.util.Objects;

/**
 * Why one sealed item could not be opened. {@code detail} explains the cause in words (which
 * scope it was sealed for, which check failed); it never contains the value or key material.
 * Immutable and thread-safe.
 *
 * @param item   the {@code encryptedData} key, or {@code <raw>} for a raw value
 * @param reason the category
 * @param detail a human explanation without secret content
 */
public record ItemFailure(String item, Reason reason, String detail) {

    /** The categories of item failure. */
    public enum Reason {
        /** Not std-base64, too short, or a length prefix that points past the end. */
        MALFORMED,
        /** A key of the ring opens the item under another scope's label: renamed, moved or re-annotated. */
        WRONG_SCOPE,
        /** The RSA part opened but the AES-GCM part (or session key) did not check out: modified after sealing. */
        TAMPERED,
        /** No key of the ring opens the RSA part under any scope: sealed for another key, or the RSA part was modified. */
        UNKNOWN_KEY
    }

    public ItemFailure {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String toString() {
        return item + ": " + reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " (" + detail + ")";
    }
}
