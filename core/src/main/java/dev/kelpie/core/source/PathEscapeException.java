package dev.kelpie.core.source;

/** A path points outside its tree: absolute, climbing above the root with {@code ..}, or a symlink that leaves it. */
public class PathEscapeException extends SourceException {
    private static final long serialVersionUID = 1L;
    private final String path;

    public PathEscapeException(String path, String why) {
        super(path + ": path escapes the tree root (" + why + ")");
        this.path = path;
    }

    public String path() {
        return path;
    }
}
