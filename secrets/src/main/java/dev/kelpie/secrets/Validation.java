package dev.kelpie.secrets;

import java.util.List;
import java.util.Objects;

/**
 * Whether a SealedSecret can be unsealed with a key ring, without its values: the answer of the
 * controller's {@code /v1/verify}. Immutable and thread-safe.
 */
public sealed interface Validation {
    /** The object as named in messages, e.g. {@code SealedSecret team-a/db}. */
    String object();

    boolean isUnsealable();

    /** Every item opens. {@code items} are the item keys, never values. */
    record Unsealable(String object, List<String> items) implements Validation {
        public Unsealable {
            Objects.requireNonNull(object, "object");
            items = List.copyOf(items);
        }

        @Override
        public boolean isUnsealable() {
            return true;
        }
    }

    /** At least one item (or the object) is bad; {@code message} says which and why. */
    record NotUnsealable(String object, List<ItemFailure> failures, String message) implements Validation {
        public NotUnsealable {
            Objects.requireNonNull(object, "object");
            failures = List.copyOf(failures);
            Objects.requireNonNull(message, "message");
        }

        @Override
        public boolean isUnsealable() {
            return false;
        }
    }
}
