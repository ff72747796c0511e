package dev.kelpie.core.reconcile;

import dev.kelpie.core.app.ApplicationSource;
import dev.kelpie.core.source.DirectorySource;
import dev.kelpie.core.source.GitSource;
import dev.kelpie.core.source.Source;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** Finds the {@link Source} of an application's repository. Implementations are thread-safe. */
@FunctionalInterface
public interface SourceResolver {
    Source resolve(ApplicationSource source);

    /**
     * Git repositories by URL or local path, one {@link GitSource} (and bare mirror under
     * {@code cacheDir}) per repository, shared by every application that uses it; a local
     * folder that is not a Git repository is read as a plain directory.
     */
    static SourceResolver git(Path cacheDir) {
        Objects.requireNonNull(cacheDir, "cacheDir");
        Map<String, Source> sources = new ConcurrentHashMap<>();
        return s -> sources.computeIfAbsent(s.repoUrl(), url -> {
            Path local = url.contains("://") || url.contains("@") ? null : Path.of(url);
            if (local != null && Files.isDirectory(local) && !Files.exists(local.resolve(".git"))
                    && !Files.exists(local.resolve("HEAD"))) {
                return DirectorySource.of(local);
            }
            GitSource.Builder b = GitSource.builder().cacheDir(cacheDir);
            return local != null ? b.path(local).build() : b.url(url).build();
        });
    }
}
