package dev.kelpie.core.source;

/** A file or directory the caller named does not exist in the tree. */
public class NoSuchPathException extends SourceException {
    private static final long serialVersionUID = 1L;
    private final String path;

    public NoSuchPathException(String tree, String path) {
        super(tree + ": " + (path.isEmpty() ? "." : path) + ": no such file or directory");
        this.path = path;
    }

    public String path() {
        return path;
    }
}
