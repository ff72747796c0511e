package dev.kelpie.core.source;

/**
 * Where desired state comes from: a Git repository ({@link GitSource}) or a local folder
 * ({@link DirectorySource}). Implementations are thread-safe.
 */
public interface Source {

    /** How to name this source in messages (never with credentials). */
    String describe();

    /**
     * The files at a revision. What a revision means is up to the source: a branch, tag,
     * commit or semver range for Git; ignored by a folder.
     *
     * @throws UnknownRevisionException when the revision names nothing
     * @throws SourceException when the source cannot be read
     */
    Snapshot snapshot(String revision);
}
