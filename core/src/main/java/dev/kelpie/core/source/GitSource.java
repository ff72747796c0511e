package dev.kelpie.core.source;

import dev.kelpie.core.source.internal.CacheLock;
import dev.kelpie.core.source.internal.GitMirror;
import dev.kelpie.core.source.internal.GitObjectFileTree;
import dev.kelpie.core.source.internal.RevisionResolver;
import dev.kelpie.core.source.internal.TransportSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Git repository as a {@link Source}, on JGit: a local bare mirror per repository in a cache
 * folder, fetched when the remote moved, read straight from Git objects (no checkout).
 *
 * <p>Revisions: {@code HEAD}, a branch, a tag, a full or abbreviated commit id, a
 * {@code refs/...} name, or a semver range over tags ({@code ">=1.2.0 <2.0.0"}, {@code ~1.4}).
 * A full commit id already in the mirror needs no network. Before a fetch a cheap
 * {@code ls-remote} compares the remote's refs with the mirror's and skips the fetch when
 * nothing moved. A corrupt or foreign cache folder is detected and rebuilt. URLs:
 * {@code https://}, {@code ssh://} / {@code git@host:path}, {@code file://} and local paths.
 *
 * <pre>{@code
 * GitSource source = GitSource.builder()
 *         .url("https://git.example/org/infra.git")
 *         .cacheDir(Path.of("/var/cache/kelpie"))
 *         .credentials(GitCredentials.token(token))
 *         .build();
 * Snapshot s = source.snapshot("main");      // s.revision() is the commit id
 * }</pre>
 *
 * Built once and shared: thread-safe. Writers of the cache (fetch, rebuild) are serialised
 * across threads, instances and processes; reads run in parallel. Close it to release files.
 */
public final class GitSource implements Source, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GitSource.class);

    private final String url;
    private final String name;
    private final GitMirror mirror;
    private final Object openLock = new Object();
    private volatile Repository repository;

    private GitSource(Builder b) {
        this.url = b.url;
        this.name = displayName(b.url);
        Path dir = b.cacheDir.resolve(cacheKey(b.url));
        TransportSettings transport = new TransportSettings(b.credentials, (int) Math.max(1, b.timeout.toSeconds()),
                b.cacheDir.resolve(".ssh"));
        this.mirror = new GitMirror(b.url, name, dir, transport);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String describe() {
        return name;
    }

    /** The repository URL with any user information removed. */
    public String url() {
        return displayName(url);
    }

    /** The mirror folder inside the cache folder. */
    public Path mirrorDir() {
        return mirror.dir();
    }

    private Repository repo() {
        Repository r = repository;
        if (r == null) {
            synchronized (openLock) {
                r = repository;
                if (r == null) {
                    try (CacheLock lock = CacheLock.acquire(mirror.dir())) {
                        r = mirror.openOrCreate();
                    }
                    repository = r;
                }
            }
        }
        return r;
    }

    /**
     * Brings the mirror up to date: lists the remote's refs and fetches only when they differ
     * from the mirror's.
     *
     * @throws SourceException when the remote cannot be reached or the fetch fails
     */
    public RefreshResult refresh() {
        Repository repo = repo();
        try (CacheLock lock = CacheLock.acquire(mirror.dir())) {
            Map<String, ObjectId> remote = mirror.lsRemote();
            if (GitMirror.upToDate(repo, remote)) {
                LOG.debug("{}: remote unchanged, fetch skipped", name);
                return new RefreshResult(false, "remote refs unchanged");
            }
            mirror.fetch(repo);
            LOG.debug("{}: fetched", name);
            return new RefreshResult(true, "remote refs moved");
        } catch (IOException e) {
            throw new SourceException(name + ": cannot read mirror refs: " + e.getMessage(), e);
        }
    }

    /**
     * The commit a revision names, refreshing the mirror first unless the revision is a full
     * commit id the mirror already has.
     *
     * @throws UnknownRevisionException when the revision names nothing
     * @throws SourceException when Git fails
     */
    public String resolve(String revision) {
        Objects.requireNonNull(revision, "revision");
        String rev = revision.isBlank() ? "HEAD" : revision.trim();
        Repository repo = repo();
        if (RevisionResolver.isFullCommitId(rev) && hasObject(repo, rev)) {
            return RevisionResolver.resolve(repo, name, rev).name();
        }
        refresh();
        return RevisionResolver.resolve(repo, name, rev).name();
    }

    /** The revision resolved against the mirror as it is, without contacting the remote. */
    public String resolveOffline(String revision) {
        return RevisionResolver.resolve(repo(), name, revision.isBlank() ? "HEAD" : revision.trim()).name();
    }

    private static boolean hasObject(Repository repo, String id) {
        try {
            return repo.getObjectDatabase().has(ObjectId.fromString(id));
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public Snapshot snapshot(String revision) {
        String commit = resolve(revision);
        ObjectId id = ObjectId.fromString(commit);
        return new Snapshot(commit, GitObjectFileTree.open(repo(), id, name + "@" + commit.substring(0, 7)));
    }

    /**
     * The paths that differ between two revisions (both resolved offline against the mirror).
     *
     * @throws UnknownRevisionException when either revision names nothing
     */
    public PathChanges changedPaths(String from, String to) {
        Repository repo = repo();
        ObjectId a = ObjectId.fromString(resolveOffline(from));
        ObjectId b = ObjectId.fromString(resolveOffline(to));
        TreeSet<String> paths = new TreeSet<>();
        try (ObjectReader reader = repo.newObjectReader();
             RevWalk rw = new RevWalk(reader);
             TreeWalk tw = new TreeWalk(reader)) {
            tw.addTree(rw.parseCommit(a).getTree());
            tw.addTree(rw.parseCommit(b).getTree());
            tw.setRecursive(true);
            tw.setFilter(TreeFilter.ANY_DIFF);
            while (tw.next()) {
                paths.add(tw.getPathString());
            }
        } catch (IOException e) {
            throw new SourceException(name + ": cannot compare " + from + " and " + to + ": " + e.getMessage(), e);
        }
        return new PathChanges(a.name(), b.name(), paths);
    }

    @Override
    public void close() {
        synchronized (openLock) {
            if (repository != null) {
                repository.close();
                repository = null;
            }
        }
    }

    @Override
    public String toString() {
        return "GitSource[" + name + "]";
    }

    private static String displayName(String url) {
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return url;
        }
        int at = url.indexOf('@', scheme + 3);
        int slash = url.indexOf('/', scheme + 3);
        if (at >= 0 && (slash < 0 || at < slash)) {
            return url.substring(0, scheme + 3) + url.substring(at + 1);
        }
        return url;
    }

    private static String cacheKey(String url) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
            String base = url.replaceAll("[/\\\\]+$", "").replaceAll("\\.git$", "");
            base = base.substring(Math.max(base.lastIndexOf('/'), base.lastIndexOf(':')) + 1)
                    .replaceAll("[^A-Za-z0-9._-]", "_");
            if (base.isEmpty() || base.startsWith(".")) {
                base = "repo";
            }
            return base + "-" + HexFormat.of().formatHex(digest, 0, 8) + ".git";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Settings for a {@link GitSource}. Not thread-safe; confine to one thread. */
    public static final class Builder {
        private String url;
        private Path cacheDir;
        private GitCredentials credentials = GitCredentials.none();
        private Duration timeout = Duration.ofSeconds(60);

        private Builder() {
        }

        /** The repository: {@code https://…}, {@code ssh://…}, {@code git@host:path}, {@code file://…} or a local path. */
        public Builder url(String repositoryUrl) {
            this.url = Objects.requireNonNull(repositoryUrl, "url");
            return this;
        }

        /** A local repository (bare or not) by path. */
        public Builder path(Path repository) {
            return url(repository.toAbsolutePath().normalize().toString());
        }

        /** Where mirrors live; one folder per repository URL. */
        public Builder cacheDir(Path dir) {
            this.cacheDir = Objects.requireNonNull(dir, "cacheDir");
            return this;
        }

        public Builder credentials(GitCredentials c) {
            this.credentials = Objects.requireNonNull(c, "credentials");
            return this;
        }

        /** Network timeout for ls-remote and fetch (default 60 s; at least 1 s). */
        public Builder timeout(Duration t) {
            this.timeout = Objects.requireNonNull(t, "timeout");
            return this;
        }

        /**
         * @throws IllegalArgumentException when url or cacheDir is missing, or the timeout is not positive
         */
        public GitSource build() {
            if (url == null || url.isBlank()) {
                throw new IllegalArgumentException("url: required");
            }
            if (cacheDir == null) {
                throw new IllegalArgumentException("cacheDir: required");
            }
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout: must be positive, got " + timeout);
            }
            return new GitSource(this);
        }
    }
}
