package dev.kelpie.kustomize.internal;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What every level of one build shares: custom schemas and the build-metadata switches. */
final class BuildContext {
    /** The custom schema in effect: the last one a kustomization declared, as kyaml's global schema. */
    Map<String, Map<String, List<String>>> schemas = new HashMap<>();
    String rootDir = "";
    boolean originAnnotations;
    boolean transformerAnnotations;

    /** Parsed resource files: a base included by several overlays is read and parsed once per build. */
    final Map<String, List<com.fasterxml.jackson.databind.node.ObjectNode>> parsed = new HashMap<>();

    /** A tree path as the top kustomization names it ({@code ../base/x.yaml}). */
    String relative(String path) {
        return Path.of("/" + rootDir).relativize(Path.of("/" + path)).toString().replace('\\', '/');
    }
}
