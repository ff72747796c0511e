package dev.kelpie.core.plan;

import dev.kelpie.core.app.IgnoreRule;
import java.util.List;
import java.util.Objects;

/**
 * What the planner needs to know about an application: its name (for tracking ids), the prune
 * policy, the sync options that change the plan, and the ignore rules. Defaults are the safe
 * ones: prune off, client-side apply, shared objects skipped. Immutable and thread-safe.
 */
public record PlanSettings(String app, PrunePolicy prune, boolean applyOutOfSyncOnly, boolean replace,
                           boolean serverSideApply, boolean failOnSharedResource, List<IgnoreRule> ignoreRules) {

    public PlanSettings {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(prune, "prune");
        ignoreRules = List.copyOf(ignoreRules);
        if (app.isEmpty() || app.contains(":")) {
            throw new IllegalArgumentException("app: a non-empty name without ':' is required, got '" + app + "'");
        }
    }

    /** Safe defaults for application {@code app}. */
    public static PlanSettings of(String app) {
        return new PlanSettings(app, PrunePolicy.off(), false, false, false, false, List.of());
    }

    public PlanSettings withPrune(PrunePolicy p) {
        return new PlanSettings(app, p, applyOutOfSyncOnly, replace, serverSideApply, failOnSharedResource, ignoreRules);
    }

    public PlanSettings withIgnoreRules(List<IgnoreRule> rules) {
        return new PlanSettings(app, prune, applyOutOfSyncOnly, replace, serverSideApply, failOnSharedResource, rules);
    }

    public PlanSettings withFailOnSharedResource(boolean fail) {
        return new PlanSettings(app, prune, applyOutOfSyncOnly, replace, serverSideApply, fail, ignoreRules);
    }

    public PlanSettings withApplyOutOfSyncOnly(boolean only) {
        return new PlanSettings(app, prune, only, replace, serverSideApply, failOnSharedResource, ignoreRules);
    }

    public PlanSettings withReplace(boolean r) {
        return new PlanSettings(app, prune, applyOutOfSyncOnly, r, serverSideApply, failOnSharedResource, ignoreRules);
    }

    public PlanSettings withServerSideApply(boolean ssa) {
        return new PlanSettings(app, prune, applyOutOfSyncOnly, replace, ssa, failOnSharedResource, ignoreRules);
    }
}
