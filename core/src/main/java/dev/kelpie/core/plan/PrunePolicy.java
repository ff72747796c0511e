package dev.kelpie.core.plan;

/**
 * How a sync removes objects that left Git, and the guards around it. The default is the safe
 * one: prune off. {@code maxDeletions} and {@code maxDeletionShare} (0..1 of the inventory)
 * refuse a prune that would delete more; {@code confirmed} approves objects marked
 * {@code Prune=confirm}. Immutable and thread-safe.
 */
public record PrunePolicy(boolean enabled, boolean allowEmpty, boolean pruneLast, int maxDeletions,
                          double maxDeletionShare, boolean confirmed) {

    public PrunePolicy {
        if (maxDeletions < 0) {
            throw new IllegalArgumentException("maxDeletions: must be >= 0, got " + maxDeletions);
        }
        if (!(maxDeletionShare >= 0 && maxDeletionShare <= 1)) {
            throw new IllegalArgumentException("maxDeletionShare: must be within 0..1, got " + maxDeletionShare);
        }
    }

    /** Prune off. */
    public static PrunePolicy off() {
        return new PrunePolicy(false, false, false, Integer.MAX_VALUE, 1.0, false);
    }

    /** Prune on, no empty renders, no limit. */
    public static PrunePolicy on() {
        return new PrunePolicy(true, false, false, Integer.MAX_VALUE, 1.0, false);
    }

    public PrunePolicy withAllowEmpty(boolean allow) {
        return new PrunePolicy(enabled, allow, pruneLast, maxDeletions, maxDeletionShare, confirmed);
    }

    public PrunePolicy withPruneLast(boolean last) {
        return new PrunePolicy(enabled, allowEmpty, last, maxDeletions, maxDeletionShare, confirmed);
    }

    public PrunePolicy withMaxDeletions(int max) {
        return new PrunePolicy(enabled, allowEmpty, pruneLast, max, maxDeletionShare, confirmed);
    }

    public PrunePolicy withMaxDeletionShare(double share) {
        return new PrunePolicy(enabled, allowEmpty, pruneLast, maxDeletions, share, confirmed);
    }

    public PrunePolicy withConfirmed(boolean yes) {
        return new PrunePolicy(enabled, allowEmpty, pruneLast, maxDeletions, maxDeletionShare, yes);
    }
}
