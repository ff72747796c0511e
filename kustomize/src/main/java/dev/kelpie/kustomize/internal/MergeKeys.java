package dev.kelpie.kustomize.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which lists of the Kubernetes kinds a strategic merge merges element by element, and by which
 * keys (lists of scalars with an empty key list merge as sets). Lists not listed are replaced.
 * Immutable and thread-safe.
 *
 * <p>The table, {@code merge-keys.tsv}, is derived from the diff module's
 * {@code PatchMetadata}, this project's one copy of the Kubernetes OpenAPI patch extensions;
 * {@code MergeKeysTest} checks it against that metadata for every kind and list path and
 * regenerates it. It is read instead of {@code PatchMetadata} because it loads in milliseconds
 * where the metadata, parsed with Jackson data binding, costs a few hundred in the cold JVM of
 * {@code kelpie kustomize build}. The keys are the ones kyaml reads (list-map keys before the
 * merge key), not apimachinery's; kyaml itself embeds an older Kubernetes schema than the one
 * used here, which only matters for fields added since.
 */
final class MergeKeys {
    private static final MergeKeys BUILT_IN = load();
    /** "group/version/Kind" to dotted path (with [] for list elements) to keys. */
    private final Map<String, Map<String, List<String>>> byGvk;
    /** "group/Kind" to the table of one of its versions. */
    private final Map<String, Map<String, List<String>>> byGroupKind;

    private MergeKeys(Map<String, Map<String, List<String>>> byGvk, Map<String, Map<String, List<String>>> byGroupKind) {
        this.byGvk = byGvk;
        this.byGroupKind = byGroupKind;
    }

    static MergeKeys builtIn() {
        return BUILT_IN;
    }

    /** The table of one kind, or null when the kind has no schema (custom resources). */
    Map<String, List<String>> forKind(String group, String version, String kind) {
        String g = group.isEmpty() ? "core" : group;
        Map<String, List<String>> t = byGvk.get(g + "/" + version + "/" + kind);
        if (t == null) {
            t = byGroupKind.get(g + "/" + kind);
        }
        if (t == null && g.equals("extensions")) {
            t = byGroupKind.get("apps/" + kind);
            if (t == null) {
                t = byGroupKind.get("networking.k8s.io/" + kind);
            }
        }
        return t;
    }

    private static MergeKeys load() {
        Map<String, Map<String, List<String>>> byGvk = new HashMap<>();
        Map<String, Map<String, List<String>>> byGroupKind = new HashMap<>();
        try (InputStream in = MergeKeys.class.getResourceAsStream("merge-keys.tsv");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                List<String> keys = f[2].isEmpty() ? List.of() : Arrays.asList(f[2].split(","));
                byGvk.computeIfAbsent(f[0], k -> new HashMap<>()).put(f[1], keys);
                String[] gvk = f[0].split("/");
                byGroupKind.putIfAbsent(gvk[0] + "/" + gvk[2], byGvk.get(f[0]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // kinds whose lists are all replaced still have a schema
        for (String k : List.of("core/v1/ConfigMap", "core/v1/Secret", "core/v1/Namespace")) {
            byGvk.putIfAbsent(k, new HashMap<>());
        }
        return new MergeKeys(byGvk, byGroupKind);
    }
}
