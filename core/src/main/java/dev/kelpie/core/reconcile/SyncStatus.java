package dev.kelpie.core.reconcile;

/** Whether the cluster matches Git, as Argo CD reports it. */
public enum SyncStatus {
    SYNCED("Synced"), OUT_OF_SYNC("OutOfSync"), UNKNOWN("Unknown");

    private final String displayName;

    SyncStatus(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
