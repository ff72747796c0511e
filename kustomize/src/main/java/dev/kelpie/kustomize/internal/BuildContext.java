package dev.kelpie.kustomize.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
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

    /** Parsed resource files: a base included by several overlays is read and parsed once per build. */
    final Map<String, List<ObjectNode>> parsed = new ConcurrentHashMap<>();
    /** Parsed kustomization files, by tree key of their directory. */
    final Map<String, KustomizationFile> kustomizations = new ConcurrentHashMap<>();
    /** How often each kustomization directory was accumulated as a resource. */
    final Map<String, AtomicInteger> visits = new ConcurrentHashMap<>();
    /** Accumulations of directories met more than once, copied for each further use. */
    final Map<String, Cached> accumulations = new ConcurrentHashMap<>();

    /** An accumulation kept for reuse, valid while the schema in effect is {@code schemas}. */
    record Cached(Map<String, Map<String, List<String>>> schemas, Accumulation snapshot) {
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
