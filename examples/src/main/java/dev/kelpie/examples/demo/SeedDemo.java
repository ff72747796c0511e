package dev.kelpie.examples.demo;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.core.app.Application;
import dev.kelpie.core.app.ArgoApplicationReader;
import dev.kelpie.core.backend.PatchType;
import dev.kelpie.core.backend.WriteOptions;
import dev.kelpie.core.model.Resource;
import dev.kelpie.core.model.ResourceId;
import dev.kelpie.core.reconcile.ReconcileResult;
import dev.kelpie.core.reconcile.Reconciler;
import dev.kelpie.core.reconcile.SourceResolver;
import dev.kelpie.core.sync.StepOutcome;
import dev.kelpie.core.yaml.YamlCodec;
import dev.kelpie.secrets.KeyRing;
import dev.kelpie.secrets.SealedSecrets;
import dev.kelpie.secrets.SealedSecretsTransformer;
import dev.kelpie.secrets.UnsealingKey;
import dev.kelpie.testkit.GitFixture;
import dev.kelpie.testkit.InMemoryCluster;
import dev.kelpie.testkit.SeedLayout;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The seed scenario end to end on the embedded in-memory cluster: sync, self-heal of a rogue
 * edit, a rollout, a prune, a refused empty render, and a SealedSecret that becomes a Secret
 * only where the key is. Each step checks what it claims; {@link #run()} says whether all did.
 */
public final class SeedDemo {
    static final String APP = "production-norway";
    static final ResourceId DEPLOYMENT = ResourceId.of("apps/v1", "Deployment", "production", "app-backend");
    static final ResourceId SERVICE = ResourceId.of("v1", "Service", "production", "app-backend");
    static final ResourceId INGRESS = ResourceId.of("networking.k8s.io/v1", "Ingress", "production", "app-backend");
    static final ResourceId SECRET = ResourceId.of("v1", "Secret", "production", "my-db-pass");
    static final ResourceId SEALED = ResourceId.of("bitnami.com/v1alpha1", "SealedSecret", "production", "my-db-pass");

    private final Path workDir;
    private final PrintWriter out;
    private final List<String> failures = new ArrayList<>();
    private int step;

    public SeedDemo(Path workDir, PrintWriter out) {
        this.workDir = workDir;
        this.out = out;
    }

    /** Runs every step; true when each behaved as described. */
    public boolean run() {
        UnsealingKey key = UnsealingKey.generate();
        KeyRing ring = KeyRing.of(key);
        GitFixture repo = createRepository(ring);
        InMemoryCluster cluster = InMemoryCluster.builder().build();
        try (Reconciler reconciler = Reconciler.builder()
                .backend(cluster)
                .sources(SourceResolver.git(workDir.resolve("git-cache")))
                .transformer(SealedSecretsTransformer.builder(ring).build())
                .pollInterval(Duration.ofMinutes(10))
                .selfHeal(Duration.ofMillis(500), Duration.ofSeconds(30))
                .build()) {
            Application app = readApplication(repo);

            heading("reconcile " + APP + " from " + shortUri(repo));
            ReconcileResult first = reconciler.reconcile(app);
            ResourceTable.printPlan(first, out);
            ResourceTable.printTable(first, out);
            check(first.phase() == ReconcileResult.Phase.SUCCEEDED, "first sync succeeds: " + first);
            check(replicas(cluster) == 3, "Deployment app-backend runs 3 replicas");

            heading("rogue manual edit: kubectl scale deployment app-backend --replicas=7");
            reconciler.start(List.of(app));
            awaitFirstPass(reconciler);
            ObjectNode scale = JsonNodeFactory.instance.objectNode();
            scale.putObject("spec").put("replicas", 7);
            cluster.patch(DEPLOYMENT, PatchType.MERGE, scale, WriteOptions.defaults().withFieldManager("kubectl-scale"));
            out.println("    replicas now " + replicas(cluster) + "; waiting for self-heal (watch-driven)");
            boolean healed = waitFor(() -> replicas(cluster) == 3, Duration.ofSeconds(90));
            check(healed, "the rogue edit is detected and reverted to 3 replicas");
            out.println("    replicas back to " + replicas(cluster));

            heading("new commit: image tag v2.4.1 -> v2.5.0");
            repo.commit("production-norway: app v2.5.0", Map.of(
                    "overlays/production-norway/kustomization.yaml", overlayKustomization(true, true)));
            ReconcileResult rollout = join(reconciler.refresh(APP));
            ResourceTable.printTable(rollout, out);
            check(image(cluster).endsWith(":v2.5.0"), "the new image is rolled out: " + image(cluster));

            heading("new commit: remove the Service from base");
            repo.commit("base: drop the Service", Map.of("base/kustomization.yaml", baseWithoutService()));
            ReconcileResult pruned = join(reconciler.refresh(APP));
            ResourceTable.printTable(pruned, out);
            check(pruned.outcomes().contains(new StepOutcome.Pruned(SERVICE)) && cluster.get(SERVICE).isEmpty(),
                    "the Service left Git and is pruned");

            heading("new commit: empty the overlay (a mistake)");
            repo.commit("production-norway: oops", Map.of(
                    "overlays/production-norway/kustomization.yaml", "apiVersion: kustomize.config.k8s.io/v1beta1\n"
                            + "kind: Kustomization\nnamespace: production\n"));
            ReconcileResult refused = join(reconciler.refresh(APP));
            out.println("    " + refused.message().orElse("(no message)"));
            check(refused.phase() == ReconcileResult.Phase.REFUSED && cluster.get(DEPLOYMENT).isPresent()
                    && cluster.get(INGRESS).isPresent(), "the prune guard refuses an empty render; nothing is deleted");

            heading("SealedSecret my-db-pass");
            boolean secretHere = cluster.get(SECRET).map(s -> s.unsafeTree().path("data").has("password")).orElse(false);
            check(secretHere, "with the key, the engine turned the SealedSecret into Secret production/my-db-pass");
            out.println("    Secret production/my-db-pass: data.password = ***** (masked)");
            check(elsewhereWithoutKey(repo, app), "without the key, the SealedSecret stays sealed and no Secret appears");
        } finally {
            repo.close();
        }
        out.println();
        if (failures.isEmpty()) {
            out.println("All " + step + " steps behaved as described.");
        } else {
            out.println(failures.size() + " step(s) did not behave as described:");
            failures.forEach(f -> out.println("  - " + f));
        }
        out.flush();
        return failures.isEmpty();
    }

    private GitFixture createRepository(KeyRing ring) {
        heading("create the seed repository (base, overlays/staging, overlays/production-norway)");
        GitFixture repo = GitFixture.seed(workDir.resolve("infrastructure-repo"));
        ObjectNode secret = JsonNodeFactory.instance.objectNode();
        secret.put("apiVersion", "v1").put("kind", "Secret");
        secret.putObject("metadata").put("name", "my-db-pass").put("namespace", "production");
        secret.putObject("stringData").put("password", "correct-horse-battery-staple");
        Resource sealed = SealedSecrets.defaults().seal(Resource.of(secret), ring.sealingKey(java.time.Clock.systemUTC()));
        repo.commit("production-norway: Application, sealed DB password", Map.of(
                "apps/production-norway.yaml", applicationManifest(repo.uri()),
                "overlays/production-norway/sealed-db-pass.yaml", YamlCodec.defaults().write(sealed.unsafeTree()),
                "overlays/production-norway/kustomization.yaml", overlayKustomization(true, false)));
        out.println("    " + shortUri(repo) + " @ " + ResourceTable.shortRev(repo.head()));
        return repo;
    }

    private Application readApplication(GitFixture repo) {
        String text = new String(readFile(repo.directory().resolve("apps/production-norway.yaml")), java.nio.charset.StandardCharsets.UTF_8);
        Resource manifest = YamlCodec.defaults().readResources("apps/production-norway.yaml", text).get(0);
        ArgoApplicationReader.Result read = ArgoApplicationReader.read(manifest);
        if (!read.unsupported().isEmpty()) {
            out.println("    note: fields Kelpie does not use: " + read.unsupported());
        }
        return read.application();
    }

    private boolean elsewhereWithoutKey(GitFixture repo, Application app) {
        InMemoryCluster other = InMemoryCluster.builder().build();
        // that cluster runs the sealed-secrets controller's CRD, not its key
        other.applyAll(YamlCodec.defaults().readManifests("sealedsecret-crd.yaml", SEALED_SECRET_CRD), WriteOptions.defaults());
        try (Reconciler noKey = Reconciler.builder().backend(other)
                .sources(SourceResolver.git(workDir.resolve("git-cache-2"))).build()) {
            Application atSealedCommit = app.toBuilder()
                    .source(app.source().repoUrl(), repo.resolveRef("HEAD~3"), app.source().path()).build();
            noKey.reconcile(atSealedCommit);
            return other.get(SEALED).isPresent() && other.get(SECRET).isEmpty();
        }
    }

    private static byte[] readFile(Path p) {
        try {
            return java.nio.file.Files.readAllBytes(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void awaitFirstPass(Reconciler reconciler) {
        waitFor(() -> reconciler.status(APP).flatMap(s -> s.last()).isPresent(), Duration.ofSeconds(90));
    }

    private static ReconcileResult join(java.util.concurrent.CompletableFuture<ReconcileResult> f) {
        try {
            return f.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("a reconcile pass did not finish: " + e, e);
        }
    }

    private static boolean waitFor(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }

    private static int replicas(InMemoryCluster cluster) {
        return cluster.get(DEPLOYMENT).map(d -> d.unsafeTree().at("/spec/replicas").asInt()).orElse(-1);
    }

    private static String image(InMemoryCluster cluster) {
        return cluster.get(DEPLOYMENT).map(d -> d.unsafeTree().at("/spec/template/spec/containers/0/image").asText()).orElse("");
    }

    private void heading(String text) {
        step++;
        out.println();
        out.println("==> " + step + ". " + text);
        out.flush();
    }

    private void check(boolean ok, String what) {
        out.println("    [" + (ok ? "ok" : "FAILED") + "] " + what);
        out.flush();
        if (!ok) {
            failures.add(what);
        }
    }

    private static String shortUri(GitFixture repo) {
        return repo.directory().getFileName().toString();
    }

    static final String SEALED_SECRET_CRD = """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: sealedsecrets.bitnami.com
            spec:
              group: bitnami.com
              names:
                kind: SealedSecret
                listKind: SealedSecretList
                plural: sealedsecrets
                singular: sealedsecret
              scope: Namespaced
              versions:
              - name: v1alpha1
                served: true
                storage: true
                schema:
                  openAPIV3Schema:
                    type: object
                    x-kubernetes-preserve-unknown-fields: true
            """;

    static String applicationManifest(String repoUrl) {
        return """
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata:
                  name: production-norway
                  namespace: argocd
                spec:
                  project: default
                  source:
                    repoURL: %s
                    targetRevision: main
                    path: overlays/production-norway
                  destination:
                    server: https://kubernetes.default.svc
                    namespace: production
                  syncPolicy:
                    automated:
                      prune: true
                      selfHeal: true
                    syncOptions:
                    - CreateNamespace=true
                """.formatted(repoUrl);
    }

    static String overlayKustomization(boolean sealedSecret, boolean newImage) {
        return "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: production\n"
                + "resources:\n- ../../base\n- ingress.yaml\n" + (sealedSecret ? "- sealed-db-pass.yaml\n" : "")
                + "patches:\n- path: replicas.yaml\n"
                + (newImage ? "images:\n- name: " + SeedLayout.IMAGE.substring(0, SeedLayout.IMAGE.indexOf(':'))
                        + "\n  newTag: v2.5.0\n" : "");
    }

    static String baseWithoutService() {
        return SeedLayout.files().get("base/kustomization.yaml").replace("- service.yaml\n", "");
    }
}
