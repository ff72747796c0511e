package dev.kelpie.secrets.internal;

import dev.kelpie.secrets.ItemFailure;

/** Checked signal that one item did not open; becomes an {@link ItemFailure}. Holds no secret. */
public final class ItemOpenException extends Exception {
    private static final long serialVersionUID = 1L;
    private final ItemFailure.Reason reason;

    private ItemOpenException(ItemFailure.Reason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    public static ItemOpenException malformed(String detail) {
        return new ItemOpenException(ItemFailure.Reason.MALFORMED, detail);
    }

    public static ItemOpenException tampered(String detail) {
        return new ItemOpenException(ItemFailure.Reason.TAMPERED, detail);
    }

    public static ItemOpenException of(ItemFailure.Reason reason, String detail) {
        return new ItemOpenException(reason, detail);
    }

    public ItemFailure.Reason reason() {
        return reason;
    }

    public ItemFailure toFailure(String item) {
        return new ItemFailure(item, reason, getMessage());
    }
}
