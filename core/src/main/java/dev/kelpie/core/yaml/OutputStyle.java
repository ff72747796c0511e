package dev.kelpie.core.yaml;

/** How a codec writes YAML: which printer's output it matches byte for byte. */
public enum OutputStyle {
    /** Keys in the order the tree holds them; otherwise as {@link #KUBECTL}. */
    TREE_ORDER,
    /**
     * As {@code kubectl get -o yaml} prints: keys sorted by code unit, as Go's encoding/json sorts
     * them; YAML 1.1 booleans such as {@code on} and text with tabs double-quoted.
     */
    KUBECTL,
    /**
     * As {@code kustomize build} prints (go-yaml v3's encoder): keys in go-yaml's order, where
     * runs of digits compare by value ({@code item2} before {@code item10}) and, where two keys
     * first differ, a letter sorts after any other character unless a digit came just before;
     * quoting as {@link #KUBECTL}.
     */
    KUSTOMIZE
}
