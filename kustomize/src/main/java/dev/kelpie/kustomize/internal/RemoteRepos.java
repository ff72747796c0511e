package dev.kelpie.kustomize.internal;

import dev.kelpie.core.source.FileTree;
import dev.kelpie.core.source.GitSource;
import dev.kelpie.core.source.SourceException;
import dev.kelpie.core.source.UnknownRevisionException;
import dev.kelpie.kustomize.RemoteResourceException;
import dev.kelpie.kustomize.RemoteResources;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The remote repositories of one build: fetched through {@link GitSource} mirrors in the
 * policy's cache folder, each repository and ref resolved once per build, closed when the
 * build ends. Not thread-safe; one instance per build.
 */
final class RemoteRepos implements AutoCloseable {
    /** Initialised on first use: setting up logging costs a short-lived CLI run time it rarely needs. */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(RemoteRepos.class);
    }

    private final RemoteResources policy;
    private final Map<String, GitSource> sources = new HashMap<>();
    private final Map<String, FileTree> trees = new HashMap<>();
    private final List<GitSource> opened = new ArrayList<>();

    RemoteRepos(RemoteResources policy) {
        this.policy = policy;
    }

    boolean enabled() {
        return policy.enabled();
    }

    /**
     * The tree of the spec's repository at its ref.
     *
     * @throws RemoteResourceException naming the entry when the repository or ref cannot be fetched
     */
    FileTree tree(RemoteSpec spec, String where) {
        String key = spec.repoUrl() + "\n" + spec.ref();
        FileTree cached = trees.get(key);
        if (cached != null) {
            return cached;
        }
        long seconds = Math.max(1, (spec.timeout().toMillis() + 999) / 1000);
        GitSource source = sources.computeIfAbsent(spec.repoUrl() + "\n" + seconds, k -> {
            GitSource s = GitSource.builder()
                    .url(spec.repoUrl())
                    .cacheDir(policy.cacheDir().orElseThrow())
                    .credentials(policy.credentials())
                    .timeout(java.time.Duration.ofSeconds(seconds))
                    .build();
            opened.add(s);
            return s;
        });
        if (spec.submodules()) {
            Log.LOG.debug("{}: submodules are not fetched", spec.raw());
        }
        String ref = spec.ref().isEmpty() ? "HEAD" : spec.ref();
        FileTree tree;
        try {
            tree = source.snapshot(ref).tree();
        } catch (UnknownRevisionException e) {
            throw new RemoteResourceException(spec.raw(), where + "'" + spec.raw() + "': unknown ref '" + ref
                    + "' in " + spec.repoUrl(), e);
        } catch (SourceException e) {
            throw new RemoteResourceException(spec.raw(), where + "'" + spec.raw() + "': cannot fetch " + spec.repoUrl()
                    + ": " + e.getMessage(), e);
        }
        trees.put(key, tree);
        return tree;
    }

    @Override
    public void close() {
        for (GitSource s : opened) {
            s.close();
        }
    }
}
