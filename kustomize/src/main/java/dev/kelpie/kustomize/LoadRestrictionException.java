package dev.kelpie.kustomize;

/** A kustomization referred to a file outside its root while the load restrictor forbids it. */
public final class LoadRestrictionException extends KustomizeException {
    private static final long serialVersionUID = 1L;
    private final String file;

    public LoadRestrictionException(String file, String root) {
        super("security; file '" + file + "' is not in or below '" + root + "'");
        this.file = file;
    }

    /** The refused path, relative to the tree. */
    public String file() {
        return file;
    }
}
