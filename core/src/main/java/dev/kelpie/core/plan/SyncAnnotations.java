package dev.kelpie.core.plan;

/** The annotation and label keys the planner reads and the tracking transformer writes. */
public final class SyncAnnotations {
    /** Hook phases, comma-separated: PreSync, Sync, PostSync, SyncFail, Skip. */
    public static final String HOOK = "argocd.argoproj.io/hook";
    /** Hook delete policies: HookSucceeded, HookFailed, BeforeHookCreation. */
    public static final String HOOK_DELETE_POLICY = "argocd.argoproj.io/hook-delete-policy";
    /** An integer; lower waves sync first. */
    public static final String SYNC_WAVE = "argocd.argoproj.io/sync-wave";
    /** Per-object options, comma-separated {@code Key=Value}. */
    public static final String SYNC_OPTIONS = "argocd.argoproj.io/sync-options";
    /** {@code <app>:<group>/<kind>:<namespace>/<name>}: which application owns the object. */
    public static final String TRACKING_ID = "kelpie.dev/tracking-id";
    /** What {@code kubectl apply} and Kelpie record as the last applied configuration. */
    public static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
    /** ApplySet membership label on every object of an application. */
    public static final String APPLYSET_PART_OF = "applyset.kubernetes.io/part-of";
    /** ApplySet id label on the parent object. */
    public static final String APPLYSET_ID = "applyset.kubernetes.io/id";
    /** Parent annotation: the group-kinds of the members, sorted, comma-separated. */
    public static final String APPLYSET_GROUP_KINDS = "applyset.kubernetes.io/contains-group-kinds";
    /** Parent annotation: namespaces of members other than the parent's. */
    public static final String APPLYSET_NAMESPACES = "applyset.kubernetes.io/additional-namespaces";
    /** Parent annotation: the tool that manages the set. */
    public static final String APPLYSET_TOOLING = "applyset.kubernetes.io/tooling";

    private SyncAnnotations() {
    }
}
