package dev.kelpie.core.source.internal;

import dev.kelpie.core.source.SourceException;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.RefSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local bare mirror of one remote repository in a cache folder: opened, checked, rebuilt
 * when corrupt or foreign, fetched. The folder records the URL it mirrors under
 * {@code kelpie.url} in its Git config; a folder that lacks it, names another URL, or whose
 * refs point to unreadable commits is deleted and cloned again. Not thread-safe: callers
 * ({@code GitSource}) serialise writes.
 */
public final class GitMirror {
    private static final Logger LOG = LoggerFactory.getLogger(GitMirror.class);
    /** Where the remote's HEAD lands, so {@code HEAD} resolves to the remote's default branch. */
    public static final String REMOTE_HEAD = "refs/kelpie/HEAD";
    private static final List<RefSpec> REFSPECS = List.of(
            new RefSpec("+refs/heads/*:refs/heads/*"),
            new RefSpec("+refs/tags/*:refs/tags/*"),
            new RefSpec("+HEAD:" + REMOTE_HEAD));

    private final String url;
    private final String displayName;
    private final Path dir;
    private final TransportSettings transport;

    public GitMirror(String url, String displayName, Path dir, TransportSettings transport) {
        this.url = url;
        this.displayName = displayName;
        this.dir = dir;
        this.transport = transport;
    }

    public Path dir() {
        return dir;
    }

    /** Opens the mirror, rebuilding it from scratch when it is missing, corrupt or foreign. */
    public Repository openOrCreate() {
        if (Files.isDirectory(dir)) {
            String problem = null;
            Repository repo = null;
            try {
                repo = new FileRepositoryBuilder().setGitDir(dir.toFile()).setMustExist(true).build();
                problem = check(repo);
            } catch (IOException | RuntimeException e) {
                problem = "unreadable (" + e.getMessage() + ")";
            }
            if (problem == null) {
                return repo;
            }
            if (repo != null) {
                repo.close();
            }
            LOG.warn("{}: cache {} is {}; rebuilding it", displayName, dir.getFileName(), problem);
            delete(dir);
        }
        return create();
    }

    /** Null when the mirror is sound, else what is wrong with it. */
    private String check(Repository repo) throws IOException {
        if (!repo.isBare()) {
            return "not a bare repository";
        }
        String recorded = repo.getConfig().getString("kelpie", null, "url");
        if (!url.equals(recorded)) {
            return "a mirror of another repository";
        }
        try (RevWalk rw = new RevWalk(repo)) {
            for (Ref ref : repo.getRefDatabase().getRefs()) {
                ObjectId id = ref.getObjectId();
                if (id != null) {
                    rw.parseAny(id);
                }
            }
        } catch (IOException | RuntimeException e) {
            return "corrupt (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
        }
        return null;
    }

    private Repository create() {
        try {
            Files.createDirectories(dir);
            Repository repo = new FileRepositoryBuilder().setGitDir(dir.toFile()).setBare().build();
            repo.create(true);
            StoredConfig cfg = repo.getConfig();
            cfg.setString("kelpie", null, "url", url);
            cfg.setString("remote", "origin", "url", url);
            cfg.save();
            return repo;
        } catch (IOException | IllegalStateException e) {
            throw new SourceException(displayName + ": cannot create cache " + dir.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** The remote's refs (heads, tags, HEAD) without fetching objects. */
    public Map<String, ObjectId> lsRemote() {
        try {
            Map<String, Ref> refs = transport.configure(Git.lsRemoteRepository().setRemote(url)).callAsMap();
            Map<String, ObjectId> out = new HashMap<>();
            refs.forEach((name, ref) -> {
                if (ref.getObjectId() != null && (name.equals(Constants.HEAD)
                        || name.startsWith(Constants.R_HEADS) || name.startsWith(Constants.R_TAGS))) {
                    out.put(name, ref.getObjectId());
                }
            });
            return out;
        } catch (GitAPIException | RuntimeException e) {
            throw new SourceException(displayName + ": cannot list remote refs: " + e.getMessage(), e);
        }
    }

    /** Whether the local refs equal the advertised remote refs (so a fetch would change nothing). */
    public static boolean upToDate(Repository repo, Map<String, ObjectId> remote) throws IOException {
        Map<String, ObjectId> local = new HashMap<>();
        for (Ref r : repo.getRefDatabase().getRefsByPrefix(Constants.R_HEADS)) {
            local.put(r.getName(), r.getObjectId());
        }
        for (Ref r : repo.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
            local.put(r.getName(), r.getObjectId());
        }
        Ref head = repo.exactRef(REMOTE_HEAD);
        if (head != null) {
            local.put(Constants.HEAD, head.getObjectId());
        }
        return !remote.isEmpty() && local.equals(remote);
    }

    /** Fetches every branch and tag, removing refs the remote deleted. */
    public void fetch(Repository repo) {
        try (Git git = new Git(repo)) {
            transport.configure(git.fetch().setRemote(url).setRefSpecs(REFSPECS).setRemoveDeletedRefs(true)).call();
        } catch (GitAPIException | RuntimeException e) {
            throw new SourceException(displayName + ": fetch failed: " + e.getMessage(), e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
