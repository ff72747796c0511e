package dev.kelpie.core.app;

/**
 * Whether and how an application syncs on its own: {@code automatedSync} syncs when Git moves,
 * {@code prune} deletes objects that left Git, {@code selfHeal} reverts changes made in the
 * cluster, {@code allowEmpty} lets an automated sync with prune remove everything. Defaults
 * ({@link #manual()}) are all off. Immutable and thread-safe.
 */
public record SyncPolicy(boolean automatedSync, boolean prune, boolean selfHeal, boolean allowEmpty) {

    /** Nothing automatic: syncs run when asked, without prune. */
    public static SyncPolicy manual() {
        return new SyncPolicy(false, false, false, false);
    }

    /** Automated sync, prune and self-heal off until enabled. */
    public static SyncPolicy automated() {
        return new SyncPolicy(true, false, false, false);
    }

    public SyncPolicy prune(boolean on) {
        return new SyncPolicy(automatedSync, on, selfHeal, allowEmpty);
    }

    public SyncPolicy selfHeal(boolean on) {
        return new SyncPolicy(automatedSync, prune, on, allowEmpty);
    }

    public SyncPolicy allowEmpty(boolean on) {
        return new SyncPolicy(automatedSync, prune, selfHeal, on);
    }
}
