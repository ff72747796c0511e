package dev.kelpie.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * A Git repository on disk for tests of anything that reads Git: files from a map or a folder,
 * commits, branches, tags, and a history rewrite as a force-push leaves it. Commits have a fixed
 * author and times one minute apart from 2026-01-01, so the same steps give the same commit
 * ids. Clone it through {@link #uri()}. Not thread-safe; confine to one thread.
 *
 * <pre>{@code
 * try (GitFixture git = GitFixture.seed(tempDir)) {
 *     String v1 = git.head();
 *     git.commit("scale staging", Map.of("overlays/staging/replicas.yaml", "..."));
 * }
 * }</pre>
 */
public final class GitFixture implements AutoCloseable {
    /** The branch a new fixture starts on. */
    public static final String MAIN = "main";
    private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
    private final Git git;
    private final Path dir;
    private int commits;

    private GitFixture(Git git, Path dir) {
        this.git = git;
        this.dir = dir;
    }

    /**
     * An empty repository on branch {@code main} in {@code dir}.
     *
     * @throws UncheckedIOException when the repository cannot be created
     */
    public static GitFixture create(Path dir) {
        try {
            Files.createDirectories(dir);
            Git g = Git.init().setDirectory(dir.toFile()).setInitialBranch(MAIN).call();
            return new GitFixture(g, dir);
        } catch (IOException | GitAPIException e) {
            throw new UncheckedIOException(dir + ": cannot create a Git repository: " + e.getMessage(),
                    e instanceof IOException io ? io : new IOException(e));
        }
    }

    /** A repository whose first commit holds {@code files} (path to UTF-8 content). */
    public static GitFixture fromMap(Path dir, Map<String, String> files) {
        GitFixture f = create(dir);
        f.commit("initial commit", files);
        return f;
    }

    /** A repository whose first commit holds a copy of the files under {@code folder}. */
    public static GitFixture fromFolder(Path dir, Path folder) {
        return fromMap(dir, readFolder(folder));
    }

    /** A repository with {@link SeedLayout} committed on {@code main}. */
    public static GitFixture seed(Path dir) {
        return fromMap(dir, SeedLayout.files());
    }

    public Path directory() {
        return dir;
    }

    /** The {@code file:} URI to clone from. */
    public String uri() {
        return dir.toUri().toString();
    }

    /** Writes the files and commits them; returns the commit id. */
    public String commit(String message, Map<String, String> files) {
        return commit(message, files, List.of());
    }

    /**
     * Writes {@code files}, deletes {@code deletions} and commits; returns the commit id.
     *
     * @throws IllegalArgumentException when a path escapes the repository
     */
    public String commit(String message, Map<String, String> files, List<String> deletions) {
        Objects.requireNonNull(message, "message");
        try {
            for (Map.Entry<String, String> e : files.entrySet()) {
                Path p = resolve(e.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
            }
            for (String d : deletions) {
                Files.deleteIfExists(resolve(d));
            }
            git.add().addFilepattern(".").call();
            git.add().addFilepattern(".").setUpdate(true).call();
            PersonIdent who = new PersonIdent("Kelpie Test", "test@kelpie.dev", EPOCH.plusSeconds(60L * commits++), ZoneOffset.UTC);
            RevCommit c = git.commit().setMessage(message).setAuthor(who).setCommitter(who).setAllowEmpty(true).call();
            return c.getName();
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot write files: " + e.getMessage(), e);
        } catch (GitAPIException e) {
            throw new IllegalStateException(dir + ": commit failed: " + e.getMessage(), e);
        }
    }

    /** Deletes files and commits; returns the commit id. */
    public String delete(String message, String... paths) {
        return commit(message, Map.of(), List.of(paths));
    }

    /** The commit id the current branch points at. */
    public String head() {
        return resolveRef("HEAD");
    }

    /** The commit id a branch or tag points at. */
    public String resolveRef(String ref) {
        try {
            ObjectId id = git.getRepository().resolve(ref);
            if (id == null) {
                throw new IllegalArgumentException(dir + ": no ref " + ref);
            }
            return id.getName();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates a branch at the current commit and switches to it. */
    public GitFixture branch(String name) {
        try {
            git.checkout().setCreateBranch(true).setName(name).call();
            return this;
        } catch (GitAPIException e) {
            throw new IllegalStateException(dir + ": cannot create branch " + name + ": " + e.getMessage(), e);
        }
    }

    /** Switches to an existing branch. */
    public GitFixture checkout(String name) {
        try {
            git.checkout().setName(name).call();
            return this;
        } catch (GitAPIException e) {
            throw new IllegalStateException(dir + ": cannot check out " + name + ": " + e.getMessage(), e);
        }
    }

    /** Tags the current commit (an annotated tag). */
    public GitFixture tag(String name) {
        try {
            PersonIdent who = new PersonIdent("Kelpie Test", "test@kelpie.dev", EPOCH.plusSeconds(60L * commits), ZoneOffset.UTC);
            git.tag().setName(name).setMessage(name).setTagger(who).setAnnotated(true).call();
            return this;
        } catch (GitAPIException e) {
            throw new IllegalStateException(dir + ": cannot tag " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Rewrites history as a force-push does: the current branch is reset to {@code base} and
     * {@code files} are committed on top, so the old tip is no longer an ancestor. Returns the
     * new tip.
     */
    public String forcePush(String base, String message, Map<String, String> files) {
        try {
            git.reset().setMode(ResetCommand.ResetType.HARD).setRef(base).call();
            return commit(message, files);
        } catch (GitAPIException e) {
            throw new IllegalStateException(dir + ": cannot reset to " + base + ": " + e.getMessage(), e);
        }
    }

    /** Branch names. */
    public List<String> branches() {
        try {
            return git.branchList().call().stream().map(Ref::getName).map(n -> n.replaceFirst("^refs/heads/", "")).sorted().toList();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code ancestor} is reachable from {@code commit}. */
    public boolean isAncestor(String ancestor, String commit) {
        try (var walk = new org.eclipse.jgit.revwalk.RevWalk(git.getRepository())) {
            return walk.isMergedInto(walk.parseCommit(ObjectId.fromString(ancestor)), walk.parseCommit(ObjectId.fromString(commit)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path resolve(String relative) {
        Path p = dir.resolve(relative).normalize();
        if (!p.startsWith(dir.normalize()) || p.startsWith(dir.resolve(".git"))) {
            throw new IllegalArgumentException(relative + ": path escapes the repository");
        }
        return p;
    }

    private static Map<String, String> readFolder(Path folder) {
        Map<String, String> files = new LinkedHashMap<>();
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) {
                    return d.getFileName() != null && d.getFileName().toString().equals(".git")
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
                    files.put(folder.relativize(f).toString().replace('\\', '/'), Files.readString(f, StandardCharsets.UTF_8));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(folder + ": cannot read: " + e.getMessage(), e);
        }
        return files;
    }

    @Override
    public void close() {
        git.close();
    }

    @Override
    public String toString() {
        return "GitFixture[" + dir + "]";
    }
}
