package dev.kelpie.core.app;

/** How deletes cascade to dependents (Kubernetes {@code propagationPolicy}). */
public enum PropagationPolicy {
    FOREGROUND("foreground"),
    BACKGROUND("background"),
    ORPHAN("orphan");

    private final String optionValue;

    PropagationPolicy(String optionValue) {
        this.optionValue = optionValue;
    }

    /** The value as the {@code PrunePropagationPolicy=} sync option spells it. */
    public String optionValue() {
        return optionValue;
    }
}
