package dev.kelpie.kustomize.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.core.model.Origin;
import dev.kelpie.core.source.FileTree;
import dev.kelpie.core.source.PathEscapeException;
import dev.kelpie.kustomize.KustomizeException;
import dev.kelpie.kustomize.RemoteResourceException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds one kustomization directory: resources (files and nested kustomizations), generators,
 * components, then this level's transformers, as kustomize's KustTarget does. Not thread-safe;
 * one instance per build.
 */
final class KustTarget {
    static final String REMOTE_HINT = "enable them with Kustomize.builder().remoteResources(RemoteResources.git(cacheDir))"
            + " or, on the command line, --enable-remote-resources";
    private final FileLoader base;
    private final Deque<String> stack;
    private final BuildContext ctx;

    /** A target reading {@code base}'s tree, with its restrictor and remote repositories. */
    KustTarget(FileLoader base, ForkJoinPool pool) {
        this(base, new BuildContext(pool), new ArrayDeque<>());
    }

    private KustTarget(FileLoader base, BuildContext ctx, Deque<String> stack) {
        this.base = base;
        this.ctx = ctx;
        this.stack = stack;
    }

    /** Whether a parallel build must be redone in order: a kustomization declared a schema, which is build-global. */
    boolean needsSequentialRerun() {
        return ctx.pool != null && ctx.schemasDeclared;
    }

    KustomizationFile root;

    Accumulation build(String dir) {
        root = KustomizationFile.load(base.tree(), dir);
        ctx.rootDir = root.dir;
        ctx.originAnnotations = root.strings("buildMetadata").contains("originAnnotations");
        ctx.transformerAnnotations = root.strings("buildMetadata").contains("transformerAnnotations");
        if (ctx.pool == null && base.remote() == null) {
            // the outline and the files it lists are read on a second thread while this one starts the build
            ctx.prefetch = ParsePrefetch.start(base, root, ctx);
        } else {
            ctx.outline = java.util.concurrent.CompletableFuture.completedFuture(BuildOutline.of(root, base, ctx));
        }
        try {
            // made after the prefetch started: the first accumulation loads the built-in tables meanwhile
            Accumulation ra = new Accumulation(ctx);
            accumulate(root, base.forDirectory(root.dir), ra);
            return ra;
        } finally {
            ctx.prefetch.close();
        }
    }

    private void accumulate(KustomizationFile k, FileLoader loader, Accumulation ra) {
        String key = loader.key(k.dir);
        if (stack.contains(key)) {
            throw new KustomizeException("cycle detected: " + key + " includes itself (via " + String.join(" -> ", stack) + ")");
        }
        stack.push(key);
        try {
            Map<String, Map<String, List<String>>> own = null;
            JsonNode openapi = k.get("openapi");
            if (openapi != null) {
                if (openapi.has("path") && openapi.has("version")) {
                    throw new KustomizeException(k.file + ": openapi: builtin version and custom schema provided, "
                            + "cannot use both");
                }
                if (openapi.hasNonNull("version")) {
                    own = new java.util.HashMap<>();
                    ctx.declareSchemas(own);
                }
                if (openapi.hasNonNull("path")) {
                    String p = openapi.get("path").asText();
                    own = new java.util.HashMap<>();
                    for (JsonNode doc : Patches.parse(loader.readString(p), loader.resolve(p))) {
                        CustomSchemas.load(doc, own);
                    }
                    ctx.declareSchemas(own);
                }
            }
            List<String> entries = new java.util.ArrayList<>(k.strings("resources"));
            entries.addAll(k.strings("bases"));
            Map<String, ForkJoinTask<Object>> forked = forkDirectories(k, loader, entries);
            for (String res : entries) {
                accumulateResource(k, loader, res, ra, forked.remove(res));
            }
            if (own != null) {
                ctx.declareSchemas(own);
            }
            for (String c : k.strings("configurations")) {
                String text = loader.readString(c);
                for (JsonNode doc : Patches.parse(text, c)) {
                    ra.config.merge(TransformerConfig.parse(c, doc));
                }
            }
            for (String c : k.strings("crds")) {
                Crds.addConfig(loader, c, ra.config);
            }
            Steps.runGenerators(k, loader, ra, ctx.originAnnotations ? ctx.relative(k.file) : null);
            for (String c : k.strings("components")) {
                accumulateComponent(k, loader, c, ra);
            }
            if (own != null) {
                ctx.declareSchemas(own);
            }
            Steps.runTransformers(k, loader, ra);
            Steps.mergeVars(k, ra);
        } finally {
            stack.pop();
        }
    }

    private void accumulateComponent(KustomizationFile k, FileLoader loader, String c, Accumulation ra) {
        RemoteSpec remote = remoteSpec(k, loader, c, "components");
        if (remote != null) {
            accumulateRemote(k, loader, remote, "components", ra);
            return;
        }
        String path = resolveEntry(k, loader, c, "components");
        FileTree tree = loader.tree();
        if (!tree.isDirectory(path)) {
            throw new KustomizeException(k.file + ": components: '" + c + "' must be a directory with a Component");
        }
        KustomizationFile sub = KustomizationFile.load(tree, path);
        if (!sub.isComponent()) {
            throw new KustomizeException(k.file + ": components: expected kind 'Component' for path '" + path
                    + "' but got '" + (sub.text("kind").isEmpty() ? "Kustomization" : sub.text("kind")) + "'");
        }
        accumulate(sub, loader.forDirectory(sub.dir), ra);
    }

    /**
     * The entry as a remote Git spec when it is a URL, else null.
     *
     * @throws RemoteResourceException when remote entries are refused or the URL is not one kustomize accepts
     */
    private static RemoteSpec remoteSpec(KustomizationFile k, FileLoader loader, String entry, String field) {
        String where = k.file + ": " + field + ": '" + entry + "': ";
        java.util.Optional<RemoteSpec> spec;
        try {
            spec = RemoteSpec.parse(entry);
        } catch (RemoteSpec.Invalid e) {
            throw new RemoteResourceException(entry, where + "not a Git URL kustomize accepts: " + e.getMessage());
        }
        if (spec.isEmpty()) {
            return null;
        }
        if (spec.get().looksLikeHttpFile()) {
            throw new RemoteResourceException(entry, where + "remote files over HTTP are not supported "
                    + "(only Git repositories, e.g. https://host/org/repo//dir?ref=v1)");
        }
        if (!loader.remotes().enabled()) {
            throw new RemoteResourceException(entry, where + "remote resources are not enabled; " + REMOTE_HINT);
        }
        return spec.get();
    }

    /** Builds a remote kustomization (or component) from its own repository's tree. */
    private void accumulateRemote(KustomizationFile k, FileLoader loader, RemoteSpec spec, String field, Accumulation ra) {
        String where = k.file + ": " + field + ": ";
        FileTree remoteTree = loader.remotes().tree(spec, where);
        String at = spec.ref().isEmpty() ? "" : " at '" + spec.ref() + "'";
        if (!remoteTree.isDirectory(spec.path())) {
            throw new RemoteResourceException(spec.raw(), where + "'" + spec.raw() + "': no directory '"
                    + KustomizationFile.display(spec.path()) + "' in " + spec.repoUrl() + at);
        }
        try {
            KustomizationFile sub = KustomizationFile.load(remoteTree, spec.path());
            boolean component = field.equals("components");
            if (sub.isComponent() != component) {
                throw new KustomizeException("expected kind '" + (component ? "Component" : "Kustomization")
                        + "' but got '" + (sub.text("kind").isEmpty() ? "Kustomization" : sub.text("kind")) + "'");
            }
            FileLoader subLoader = loader.forRemote(remoteTree, sub.dir, spec);
            if (component) {
                accumulate(sub, subLoader, ra);
            } else {
                Accumulation subRa = new Accumulation(ctx);
                accumulate(sub, subLoader, subRa);
                ra.absorb(subRa);
            }
        } catch (RemoteResourceException e) {
            throw new RemoteResourceException(e.url(), where + "'" + spec.raw() + "': " + e.getMessage(), e);
        } catch (KustomizeException e) {
            throw new RemoteResourceException(spec.raw(), where + "'" + spec.raw() + "' (" + spec.repoUrl() + at
                    + "): " + e.getMessage(), e);
        }
    }

    private static String resolveEntry(KustomizationFile k, FileLoader loader, String entry, String field) {
        try {
            return loader.resolve(entry);
        } catch (PathEscapeException e) {
            throw new KustomizeException(k.file + ": " + field + ": '" + entry + "' leaves the tree", e);
        }
    }

    private void accumulateResource(KustomizationFile k, FileLoader loader, String entry, Accumulation ra,
                                    ForkJoinTask<Object> forked) {
        RemoteSpec remote = remoteSpec(k, loader, entry, "resources");
        if (remote != null) {
            accumulateRemote(k, loader, remote, "resources", ra);
            return;
        }
        String path = resolveEntry(k, loader, entry, "resources");
        FileTree tree = loader.tree();
        if (tree.isFile(path)) {
            String key = loader.key(path);
            List<ObjectNode> cached = ctx.parsed.get(key);
            List<ObjectNode> prefetched = cached == null && loader.remote() == null ? ctx.prefetch.take(path) : null;
            if (prefetched != null) {
                loader.resolveFile(entry);
                cached = prefetched;
                ctx.parsed.put(key, cached);
            } else if (cached == null) {
                cached = FileLoader.objects(key, loader.readString(entry));
                ctx.parsed.put(key, cached);
            } else {
                loader.resolveFile(entry);
            }
            for (ObjectNode parsed : cached) {
                ObjectNode o = parsed.deepCopy();
                if (isKustomization(o)) {
                    throw new KustomizeException(k.file + ": resources: '" + entry + "' is a kustomization file, not a resource");
                }
                checkResource(o, key);
                stringifyMetadata(o);
                if (ctx.originAnnotations) {
                    setOrigin(o, loader.remote() == null ? "path: " + ctx.relative(path) + "\n" : loader.remote().origin(path));
                }
                ra.resources.append(new KResource(o, Origin.of(key)));
            }
            return;
        }
        if (tree.isDirectory(path)) {
            Object done = forked != null ? forked.join() : accumulateDirectory(k, loader, path);
            if (done instanceof RuntimeException e) {
                throw e;
            }
            ra.absorb((Accumulation) done);
            return;
        }
        throw new KustomizeException(k.file + ": accumulating resources: '" + entry
                + "': no such file or directory under " + KustomizationFile.display(k.dir));
    }

    /**
     * The accumulation of a kustomization directory named in {@code resources:}. A directory met
     * a second time (a base under several overlays) is kept, and later uses get a copy of it.
     */
    private Accumulation accumulateDirectory(KustomizationFile k, FileLoader loader, String path) {
        String key = loader.key(path);
        Map<String, Map<String, List<String>>> schemas = ctx.schemas;
        BuildContext.Cached cached = ctx.accumulations.get(key);
        if (cached != null && cached.schemas == schemas) {
            Accumulation reused = cached.take();
            if (reused != null) {
                return reused;
            }
            ctx.accumulations.remove(key, cached);
        }
        KustomizationFile sub = ctx.kustomization(loader.tree(), key, path);
        if (sub.isComponent()) {
            throw new KustomizeException(k.file + ": resources: expected kind 'Kustomization' for path '" + path
                    + "' but got 'Component'");
        }
        Accumulation subRa = new Accumulation(ctx);
        accumulate(sub, loader.forDirectory(sub.dir), subRa);
        int visit = ctx.visits.computeIfAbsent(key, x -> new AtomicInteger()).incrementAndGet();
        int expected = ctx.expectedUses(key);
        // more uses expected: keep a copy; met again beyond the count: keep one for an unknown number of uses
        int further = expected > visit ? expected - visit : visit >= 2 ? BuildContext.Cached.UNKNOWN : 0;
        if (further > 0 && ctx.schemas == schemas) {
            ctx.accumulations.putIfAbsent(key, new BuildContext.Cached(schemas, subRa.copy(), further));
        }
        return subRa;
    }

    /**
     * Starts accumulating, in the build's pool, the local kustomization directories among
     * {@code entries} when there are two or more; the results (an {@link Accumulation} or the
     * exception) are taken in entry order, so output and errors are those of a sequential build.
     */
    private Map<String, ForkJoinTask<Object>> forkDirectories(KustomizationFile caller, FileLoader loader,
                                                              List<String> entries) {
        Map<String, ForkJoinTask<Object>> tasks = new java.util.HashMap<>();
        if (ctx.pool == null || !ForkJoinTask.inForkJoinPool() || ctx.schemasDeclared) {
            return tasks;
        }
        List<String> dirs = new java.util.ArrayList<>();
        for (String e : entries) {
            if (RemoteSpec.looksRemote(e) || tasks.containsKey(e) || dirs.contains(e)) {
                continue;
            }
            try {
                String p = loader.resolve(e);
                if (!loader.tree().isFile(p) && loader.tree().isDirectory(p)) {
                    dirs.add(e);
                }
            } catch (RuntimeException ex) {
                // left to the sequential pass, which reports it in order
            }
        }
        if (dirs.size() < 2) {
            return tasks;
        }
        for (String e : dirs) {
            KustTarget branch = new KustTarget(base, ctx, new ArrayDeque<>(stack));
            String p = loader.resolve(e);
            tasks.put(e, ForkJoinTask.adapt(() -> {
                try {
                    return (Object) branch.accumulateDirectory(caller, loader, p);
                } catch (RuntimeException ex) {
                    return ex;
                }
            }).fork());
        }
        return tasks;
    }

    private static boolean isKustomization(ObjectNode o) {
        String kind = o.path("kind").asText("");
        return (kind.equals("Kustomization") || kind.equals("Component"))
                && o.path("apiVersion").asText("").startsWith("kustomize.config.k8s.io");
    }

    private static void checkResource(ObjectNode o, String path) {
        if (!o.path("kind").isTextual() || o.path("kind").asText().isEmpty()) {
            throw new KustomizeException(path + ": missing kind in object");
        }
        JsonNode md = o.get("metadata");
        if (md == null || !md.isObject() || md.path("name").asText("").isEmpty()
                && md.path("generateName").asText("").isEmpty()) {
            throw new KustomizeException(path + ": missing metadata.name in object " + o.path("kind").asText());
        }
    }

    /** Label and annotation values are strings in kustomize's output, whatever the input typed. */
    static void stringifyMetadata(ObjectNode o) {
        for (String f : new String[] {"labels", "annotations"}) {
            JsonNode m = o.path("metadata").get(f);
            if (m != null && m.isObject()) {
                ObjectNode om = (ObjectNode) m;
                List<String> names = new java.util.ArrayList<>();
                om.fieldNames().forEachRemaining(names::add);
                for (String k : names) {
                    JsonNode v = om.get(k);
                    if (v.isValueNode() && !v.isTextual() && !v.isNull()) {
                        om.put(k, v.asText());
                    }
                }
            }
        }
    }

    static void setOrigin(ObjectNode o, String value) {
        JsonNode md = o.get("metadata");
        if (md == null || !md.isObject()) {
            return;
        }
        JsonNode a = md.get("annotations");
        ObjectNode annotations = a != null && a.isObject() ? (ObjectNode) a : ((ObjectNode) md).putObject("annotations");
        if (!annotations.has(ORIGIN)) {
            annotations.put(ORIGIN, value);
        }
    }

    static final String ORIGIN = "config.kubernetes.io/origin";


    static Map<String, String> stringMap(JsonNode n) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        if (n != null && n.isObject()) {
            n.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
        }
        return out;
    }
}
