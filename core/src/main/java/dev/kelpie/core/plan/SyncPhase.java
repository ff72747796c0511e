package dev.kelpie.core.plan;

import java.util.Optional;

/**
 * The phases of a sync, in the order they run (Argo CD's {@code argocd.argoproj.io/hook}
 * values). Objects that are not hooks run in {@link #SYNC}.
 */
public enum SyncPhase {
    PRE_SYNC("PreSync"),
    SYNC("Sync"),
    POST_SYNC("PostSync"),
    SYNC_FAIL("SyncFail");

    private final String annotationValue;

    SyncPhase(String annotationValue) {
        this.annotationValue = annotationValue;
    }

    /** The name as the hook annotation spells it, e.g. {@code PreSync}. */
    public String annotationValue() {
        return annotationValue;
    }

    /** The phase an annotation value names, or empty. */
    public static Optional<SyncPhase> fromAnnotation(String value) {
        for (SyncPhase p : values()) {
            if (p.annotationValue.equals(value.trim())) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
