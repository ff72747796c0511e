package dev.kelpie.core.source;

import java.util.Objects;
import java.util.function.Function;

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

    /**
     * A source whose snapshots a function makes: desired state produced in memory, a test
     * fixture, or an adapter to another store. The function must be thread-safe.
     *
     * <pre>{@code
     * Source fixed = Source.of("generated", revision -> new Snapshot("v1", tree));
     * }</pre>
     */
    static Source of(String description, Function<String, Snapshot> snapshots) {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(snapshots, "snapshots");
        return new Source() {
            @Override
            public String describe() {
                return description;
            }

            @Override
            public Snapshot snapshot(String revision) {
                return Objects.requireNonNull(snapshots.apply(revision), "snapshot of " + description);
            }
        };
    }
}
