package dev.kelpie.kustomize.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.core.source.FileTree;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What every level of one build shares: custom schemas, the build-metadata switches, and the
 * per-build caches. The caches are concurrent because independent kustomizations of one build
 * may be accumulated in parallel.
 */
final class BuildContext {
    /** The custom schema in effect: the last one a kustomization declared, as kyaml's global schema. */
    volatile Map<String, Map<String, List<String>>> schemas = new HashMap<>();
    /** Set once any kustomization of the build declared a schema (parallel results are then redone in order). */
    volatile boolean schemasDeclared;
    String rootDir = "";
    boolean originAnnotations;
    boolean transformerAnnotations;
    /** The pool independent kustomizations are accumulated in, or null to build sequentially. */
    final ForkJoinPool pool;

    BuildContext(ForkJoinPool pool) {
        this.pool = pool;
    }

    /** Resource files being parsed ahead on another thread (sequential builds in a cold JVM). */
    volatile ParsePrefetch prefetch = ParsePrefetch.none();
    /** Parsed resource files: a base included by several overlays is read and parsed once per build. */
    final Map<String, List<ObjectNode>> parsed = new ConcurrentHashMap<>();
    /** Parsed kustomization files, by tree key of their directory. */
    final Map<String, KustomizationFile> kustomizations = new ConcurrentHashMap<>();
    /** How often each kustomization directory was accumulated as a resource. */
    final Map<String, AtomicInteger> visits = new ConcurrentHashMap<>();
    /** Accumulations of directories used more than once, copied for each further use but the last. */
    final Map<String, Cached> accumulations = new ConcurrentHashMap<>();
    /** The outline of the build: read up front, or on the prefetch thread while the build starts. */
    volatile java.util.concurrent.CompletableFuture<BuildOutline> outline =
            java.util.concurrent.CompletableFuture.completedFuture(new BuildOutline(Map.of(), List.of()));

    /**
     * How often a kustomization directory will be used, as the outline counted; 0 when it did not
     * or is not done yet (the build does not wait for it: the count only saves a rebuild).
     */
    int expectedUses(String key) {
        BuildOutline o = outline.getNow(null);
        return o == null ? 0 : o.uses().getOrDefault(key, 0);
    }

    /**
     * The parsed kustomization file of a directory, read once per build even when the build and
     * the outline ask at the same time (so deprecation warnings are printed once).
     */
    KustomizationFile kustomization(FileTree tree, String key, String path) {
        return kustomizations.computeIfAbsent(key, k -> KustomizationFile.load(tree, path));
    }

    /**
     * An accumulation kept for reuse, valid while the schema in effect is {@code schemas}. The
     * last expected use gets the kept accumulation itself instead of a copy.
     */
    static final class Cached {
        static final int UNKNOWN = Integer.MAX_VALUE;
        final Map<String, Map<String, List<String>>> schemas;
        private final Accumulation snapshot;
        private int remaining;
        private boolean handedOut;

        Cached(Map<String, Map<String, List<String>>> schemas, Accumulation snapshot, int remaining) {
            this.schemas = schemas;
            this.snapshot = snapshot;
            this.remaining = remaining;
        }

        /** A copy, or the kept accumulation for the last expected use; null once that was handed out. */
        synchronized Accumulation take() {
            if (handedOut) {
                return null;
            }
            if (remaining == UNKNOWN || --remaining > 0) {
                return snapshot.copy();
            }
            handedOut = true;
            return snapshot;
        }
    }

    void declareSchemas(Map<String, Map<String, List<String>>> s) {
        schemasDeclared = true;
        schemas = s;
    }

    /** A tree path as the top kustomization names it ({@code ../base/x.yaml}). */
    String relative(String path) {
        return Path.of("/" + rootDir).relativize(Path.of("/" + path)).toString().replace('\\', '/');
    }
}
