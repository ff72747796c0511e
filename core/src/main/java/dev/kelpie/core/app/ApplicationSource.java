package dev.kelpie.core.app;

import java.util.List;
import java.util.Objects;

/**
 * Where an application's desired state lives: repository URL (or local path), revision
 * ({@code HEAD} by default) and path inside it, plus directory options used when the path is
 * plain manifests (recurse, include and exclude globs, as Argo CD's {@code directory}).
 * Immutable and thread-safe.
 */
public record ApplicationSource(String repoUrl, String revision, String path, boolean recurse,
                                List<String> include, List<String> exclude) {
    public ApplicationSource {
        Objects.requireNonNull(repoUrl, "repoUrl");
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(path, "path");
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
    }

    public static ApplicationSource of(String repoUrl, String revision, String path) {
        return new ApplicationSource(repoUrl, revision.isBlank() ? "HEAD" : revision, path, false, List.of(), List.of());
    }
}
