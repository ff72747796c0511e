package dev.kelpie.kustomize.internal;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What every level of one build shares: custom schemas and the build-metadata switches. */
final class BuildContext {
    final Map<String, Map<String, List<String>>> schemas = new HashMap<>();
    String rootDir = "";
    boolean originAnnotations;
    boolean transformerAnnotations;

    /** A tree path as the top kustomization names it ({@code ../base/x.yaml}). */
    String relative(String path) {
        return Path.of("/" + rootDir).relativize(Path.of("/" + path)).toString().replace('\\', '/');
    }
}
