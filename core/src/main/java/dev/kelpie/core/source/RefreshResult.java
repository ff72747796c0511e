package dev.kelpie.core.source;

import java.util.Objects;

/**
 * What {@link GitSource#refresh()} did: whether it fetched, and why (first use, remote moved,
 * nothing moved). Immutable and thread-safe.
 */
public record RefreshResult(boolean fetched, String reason) {
    public RefreshResult {
        Objects.requireNonNull(reason, "reason");
    }
}
