package dev.kelpie.core.plan;

/** What a sync does with one object. */
public enum SyncAction {
    /** The object is not in the cluster: create it. */
    CREATE,
    /** The object differs from the desired state: apply (or replace) it. */
    UPDATE,
    /** The object matches the desired state. */
    UNCHANGED,
    /** The object left Git and the inventory says this application applied it: delete it. */
    PRUNE,
    /** Nothing is done, for the reason given (a hook marked Skip, Prune=false, a guard, …). */
    SKIP
}
