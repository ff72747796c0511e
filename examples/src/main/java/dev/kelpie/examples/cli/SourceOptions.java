package dev.kelpie.examples.cli;

import dev.kelpie.core.render.RenderPipeline;
import dev.kelpie.core.render.RenderResult;
import dev.kelpie.core.source.DirectorySource;
import dev.kelpie.core.source.GitSource;
import dev.kelpie.core.source.Snapshot;
import dev.kelpie.core.transform.KubernetesVersion;
import dev.kelpie.core.transform.TransformContext;
import dev.kelpie.core.plan.ApplySetParent;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options {@code render} and {@code plan} share: where desired state lives and how to
 * render it. A URL or a Git repository (bare or with a {@code .git} folder) is read through a
 * cached mirror at the revision; a plain folder is read as it is.
 */
final class SourceOptions {
    @Option(names = "--repo", required = true, paramLabel = "URL|PATH",
            description = "Git URL, local Git repository, or plain folder")
    String repo;

    @Option(names = "--revision", defaultValue = "HEAD", paramLabel = "REV",
            description = "branch, tag, commit or semver range (default: HEAD)")
    String revision;

    @Option(names = "--path", defaultValue = ".", paramLabel = "P", description = "path inside the repository")
    String path;

    @Option(names = "--cache", paramLabel = "DIR", description = "mirror cache (default: $KELPIE_CACHE or ~/.cache/kelpie)")
    Path cache;

    @Option(names = "--app", paramLabel = "NAME", description = "application name for tracking ids")
    String app;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS", description = "destination namespace for namespaced objects")
    String namespace;

    @Option(names = "--kube-version", paramLabel = "X.Y", description = "warn about API versions this Kubernetes version removed")
    String kubeVersion;

    @Option(names = "--fail-on-removed-apis", description = "fail instead of warning on removed API versions")
    boolean failOnRemovedApis;

    /** What was rendered, at which revision. */
    record Rendered(String revision, RenderResult result) {
    }

    Rendered render(boolean withApplication) {
        Path local = Path.of(repo);
        boolean plainFolder = !repo.contains("://") && Files.isDirectory(local) && !isGitRepository(local);
        TransformContext ctx = context(withApplication);
        RenderPipeline pipeline = RenderPipeline.builder().discoverRenderers().failOnRemovedApis(failOnRemovedApis).build();
        if (plainFolder) {
            Snapshot s = DirectorySource.of(local).snapshot(revision);
            return new Rendered(s.revision(), pipeline.render(s.tree(), path, ctx));
        }
        GitSource.Builder b = GitSource.builder().cacheDir(cacheDir());
        if (repo.contains("://") || repo.contains("@")) {
            b.url(repo);
        } else {
            b.path(local);
        }
        try (GitSource git = b.build()) {
            Snapshot s = git.snapshot(revision);
            return new Rendered(s.revision(), pipeline.render(s.tree(), path, ctx));
        }
    }

    String appName() {
        if (app != null) {
            return app;
        }
        String base = Path.of(path).normalize().getFileName() == null ? "" : Path.of(path).normalize().getFileName().toString();
        String cleaned = base.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]", "-").replaceAll("^-+|-+$", "");
        return cleaned.isEmpty() ? "app" : cleaned;
    }

    private TransformContext context(boolean withApplication) {
        TransformContext.Builder b = TransformContext.builder();
        if (namespace != null) {
            b.destinationNamespace(namespace);
        }
        if (kubeVersion != null) {
            b.kubernetesVersion(KubernetesVersion.parse(kubeVersion));
        }
        if (withApplication || app != null) {
            b.app(appName());
            if (namespace != null) {
                b.applySetParent(ApplySetParent.forApplication(appName(), namespace));
            }
        }
        return b.build();
    }

    private Path cacheDir() {
        if (cache != null) {
            return cache;
        }
        String env = System.getenv("KELPIE_CACHE");
        return env != null ? Path.of(env) : Path.of(System.getProperty("user.home"), ".cache", "kelpie");
    }

    private static boolean isGitRepository(Path dir) {
        return Files.exists(dir.resolve(".git"))
                || (Files.isRegularFile(dir.resolve("HEAD")) && Files.isDirectory(dir.resolve("objects")));
    }
}
