package dev.kelpie.kustomize;

/** A patch without a selector named an object the build does not have. */
public final class PatchTargetNotFoundException extends KustomizeException {
    private static final long serialVersionUID = 1L;
    private final String target;

    public PatchTargetNotFoundException(String kustomization, String target) {
        super(kustomization + ": patches: no matches for Id " + target + "; failed to find unique target for patch " + target);
        this.target = target;
    }

    /** The id the patch named, as kustomize prints it. */
    public String target() {
        return target;
    }
}
