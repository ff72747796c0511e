package dev.kelpie.examples.cli;

import dev.kelpie.core.app.Application;
import dev.kelpie.core.app.ArgoApplicationReader;
import dev.kelpie.core.app.SyncOptions;
import dev.kelpie.core.app.SyncPolicy;
import dev.kelpie.core.model.Resource;
import dev.kelpie.core.reconcile.Reconciler;
import dev.kelpie.core.reconcile.SourceResolver;
import dev.kelpie.core.yaml.YamlCodec;
import dev.kelpie.secrets.KeyRing;
import dev.kelpie.secrets.SealedSecretsTransformer;
import dev.kelpie.secrets.UnsealingKey;
import dev.kelpie.testkit.InMemoryCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * What {@code sync} and {@code status} share: the application (from flags or an Argo CD
 * Application manifest) and the embedded cluster persisted in a directory between runs.
 */
final class EmbeddedClusterOptions {
    @Option(names = "--state", defaultValue = ".kelpie/cluster", paramLabel = "DIR",
            description = "directory holding the embedded cluster's state (default: .kelpie/cluster)")
    Path state;

    @Option(names = "--application", paramLabel = "FILE", description = "an Argo CD Application manifest")
    Path application;

    @Option(names = "--repo", paramLabel = "URL|PATH", description = "Git URL, local repository or folder")
    String repo;

    @Option(names = "--revision", defaultValue = "HEAD", paramLabel = "REV")
    String revision;

    @Option(names = "--path", defaultValue = ".", paramLabel = "P")
    String path;

    @Option(names = "--app", defaultValue = "app", paramLabel = "NAME")
    String app;

    @Option(names = {"-n", "--namespace"}, defaultValue = "default", paramLabel = "NS")
    String namespace;

    @Option(names = "--prune", description = "prune objects that left Git")
    boolean prune;

    @Option(names = "--key", paramLabel = "FILE", description = "Sealed Secrets private key(s): unseal during render")
    List<Path> keys = new ArrayList<>();

    @Option(names = "--cache", paramLabel = "DIR", description = "Git mirror cache (default: <state>/../git-cache)")
    Path cache;

    Application application() {
        if (application != null) {
            String text = ManifestInput.readText(application.toString(), System.in);
            Resource manifest = YamlCodec.defaults().readResources(application.toString(), text).get(0);
            return ArgoApplicationReader.read(manifest).application();
        }
        if (repo == null) {
            throw new ExitCodeException(2, "give --application FILE or --repo URL|PATH");
        }
        return Application.builder().name(app).source(repo, revision, path).destinationNamespace(namespace)
                .syncPolicy(SyncPolicy.automated().prune(prune))
                .syncOptions(SyncOptions.parse(List.of("CreateNamespace=true"), new ArrayList<>()))
                .build();
    }

    InMemoryCluster loadCluster() {
        InMemoryCluster cluster = InMemoryCluster.create();
        if (Files.isRegularFile(state.resolve("cluster.json"))) {
            cluster.restore(state);
        }
        return cluster;
    }

    void saveCluster(InMemoryCluster cluster) {
        try {
            Files.createDirectories(state);
        } catch (java.io.IOException e) {
            throw new ExitCodeException(1, state + ": cannot create: " + e.getMessage());
        }
        cluster.snapshot(state);
    }

    Reconciler reconciler(InMemoryCluster cluster) {
        Path gitCache = cache != null ? cache : state.toAbsolutePath().getParent().resolve("git-cache");
        Reconciler.Builder b = Reconciler.builder().backend(cluster).sources(SourceResolver.git(gitCache));
        if (!keys.isEmpty()) {
            List<UnsealingKey> ring = keys.stream().map(UnsealingKey::read).toList();
            b.transformer(SealedSecretsTransformer.builder(KeyRing.of(ring)).build());
        }
        return b.build();
    }
}
