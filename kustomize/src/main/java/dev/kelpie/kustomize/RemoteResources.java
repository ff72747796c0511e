package dev.kelpie.kustomize;

import dev.kelpie.core.source.GitCredentials;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a build may fetch remote Git resources ({@code resources:} and {@code components:}
 * entries such as {@code https://github.com/org/repo//deploy?ref=v1.2.3}), and how.
 *
 * <p>{@link #refused()} is the default: such entries fail with a {@link RemoteResourceException}
 * naming the kustomization file and the URL. {@link #git(Path)} fetches them with JGit into
 * bare mirrors under a cache folder (one per repository, shared with later builds and other
 * processes; a full commit id already in the mirror needs no network) and builds each remote
 * kustomization from its own repository only: nothing outside that repository is read, and the
 * load restrictor applies inside it. Plain HTTP(S) file URLs stay refused.
 *
 * <pre>{@code
 * Kustomize k = Kustomize.builder()
 *         .remoteResources(RemoteResources.builder()
 *                 .cacheDir(Path.of("/var/cache/kelpie/kustomize"))
 *                 .credentials(GitCredentials.token(token))
 *                 .build())
 *         .build();
 * }</pre>
 *
 * Immutable and thread-safe.
 */
public final class RemoteResources {
    private static final RemoteResources REFUSED = new RemoteResources(null, GitCredentials.none());

    private final Path cacheDir;
    private final GitCredentials credentials;

    private RemoteResources(Path cacheDir, GitCredentials credentials) {
        this.cacheDir = cacheDir;
        this.credentials = credentials;
    }

    /** Remote entries fail the build (the default). */
    public static RemoteResources refused() {
        return REFUSED;
    }

    /** Remote entries are fetched with Git, without credentials, into mirrors under {@code cacheDir}. */
    public static RemoteResources git(Path cacheDir) {
        return builder().cacheDir(cacheDir).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Whether remote entries are fetched. */
    public boolean enabled() {
        return cacheDir != null;
    }

    /** Where the mirrors live; empty when remote entries are refused. */
    public Optional<Path> cacheDir() {
        return Optional.ofNullable(cacheDir);
    }

    /** The credentials used for every remote repository. */
    public GitCredentials credentials() {
        return credentials;
    }

    @Override
    public String toString() {
        return enabled() ? "RemoteResources[git, cache " + cacheDir + "]" : "RemoteResources[refused]";
    }

    /** Settings for fetching remote entries. Not thread-safe. */
    public static final class Builder {
        private Path cacheDir;
        private GitCredentials credentials = GitCredentials.none();

        private Builder() {
        }

        /** Where bare mirrors of remote repositories are kept (created when missing). Required. */
        public Builder cacheDir(Path dir) {
            this.cacheDir = Objects.requireNonNull(dir, "cacheDir");
            return this;
        }

        /** Credentials for every remote repository (default: none). */
        public Builder credentials(GitCredentials c) {
            this.credentials = Objects.requireNonNull(c, "credentials");
            return this;
        }

        /** @throws IllegalArgumentException when no cache folder was given */
        public RemoteResources build() {
            if (cacheDir == null) {
                throw new IllegalArgumentException("cacheDir: required to fetch remote resources");
            }
            return new RemoteResources(cacheDir.toAbsolutePath().normalize(), credentials);
        }
    }
}
