package dev.kelpie.core.plan;

import java.util.EnumSet;
import java.util.Set;

/**
 * When a hook object is deleted ({@code argocd.argoproj.io/hook-delete-policy}); with none
 * given, Argo CD deletes it before creating it again ({@link #BEFORE_HOOK_CREATION}).
 */
public enum HookDeletePolicy {
    HOOK_SUCCEEDED("HookSucceeded"),
    HOOK_FAILED("HookFailed"),
    BEFORE_HOOK_CREATION("BeforeHookCreation");

    private final String annotationValue;

    HookDeletePolicy(String annotationValue) {
        this.annotationValue = annotationValue;
    }

    public String annotationValue() {
        return annotationValue;
    }

    /**
     * The policies a comma-separated annotation value lists ({@code ""}: the default).
     *
     * @throws IllegalArgumentException naming an unknown policy
     */
    public static Set<HookDeletePolicy> parse(String value) {
        EnumSet<HookDeletePolicy> out = EnumSet.noneOf(HookDeletePolicy.class);
        for (String part : value.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            HookDeletePolicy found = null;
            for (HookDeletePolicy h : values()) {
                if (h.annotationValue.equals(p)) {
                    found = h;
                }
            }
            if (found == null) {
                throw new IllegalArgumentException("unknown hook delete policy '" + p + "'");
            }
            out.add(found);
        }
        if (out.isEmpty()) {
            out.add(BEFORE_HOOK_CREATION);
        }
        return Set.copyOf(out);
    }
}
