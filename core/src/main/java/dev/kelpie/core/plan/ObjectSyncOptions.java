package dev.kelpie.core.plan;

import dev.kelpie.core.model.Resource;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-object sync options of {@code argocd.argoproj.io/sync-options}: {@code Prune=false},
 * {@code Prune=confirm}, {@code Delete=false}, {@code Delete=confirm}, {@code Replace=true},
 * {@code ServerSideApply=true}, {@code SkipDryRunOnMissingResource=true}, {@code PruneLast=true}.
 * Options Kelpie does not know are kept in {@link #unknown()} for reporting. Immutable and
 * thread-safe.
 */
public record ObjectSyncOptions(boolean pruneDisabled, boolean pruneNeedsConfirmation, boolean deleteDisabled,
                                boolean deleteNeedsConfirmation, boolean replace, boolean serverSideApply,
                                boolean skipDryRunOnMissingResource, boolean pruneLast, List<String> unknown) {

    public static final ObjectSyncOptions NONE =
            new ObjectSyncOptions(false, false, false, false, false, false, false, false, List.of());

    public ObjectSyncOptions {
        unknown = List.copyOf(unknown);
    }

    /** The options an object's annotation sets. */
    public static ObjectSyncOptions of(Resource r) {
        String v = r.annotations().get(SyncAnnotations.SYNC_OPTIONS);
        return v == null ? NONE : parse(v);
    }

    /** Parses a comma-separated option list such as {@code Prune=false,Replace=true}. */
    public static ObjectSyncOptions parse(String value) {
        boolean pruneOff = false, pruneConfirm = false, deleteOff = false, deleteConfirm = false;
        boolean replace = false, ssa = false, skipDryRun = false, pruneLast = false;
        List<String> unknown = new ArrayList<>();
        for (String part : value.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            switch (p) {
                case "Prune=false" -> pruneOff = true;
                case "Prune=confirm" -> pruneConfirm = true;
                case "Delete=false" -> deleteOff = true;
                case "Delete=confirm" -> deleteConfirm = true;
                case "Replace=true" -> replace = true;
                case "ServerSideApply=true" -> ssa = true;
                case "SkipDryRunOnMissingResource=true" -> skipDryRun = true;
                case "PruneLast=true" -> pruneLast = true;
                case "Prune=true", "Delete=true", "Replace=false", "ServerSideApply=false",
                     "SkipDryRunOnMissingResource=false", "PruneLast=false" -> {
                    // the defaults, spelled out
                }
                default -> unknown.add(p);
            }
        }
        return new ObjectSyncOptions(pruneOff, pruneConfirm, deleteOff, deleteConfirm, replace, ssa, skipDryRun,
                pruneLast, unknown);
    }
}
