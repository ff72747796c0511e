package dev.kelpie.kustomize.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kelpie.core.model.Manifests;
import dev.kelpie.core.model.Resource;
import dev.kelpie.core.source.FileTree;
import dev.kelpie.kustomize.KustomizeException;
import dev.kelpie.kustomize.LoadRestrictor;
import dev.kelpie.kustomize.RemoteResources;
import dev.kelpie.kustomize.Reorder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * One whole {@code kustomize build}: accumulate the tree, then the steps kustomize runs once at
 * the top (hash suffixes, name references, vars), then order and clean up.
 */
public final class Build {
    private Build() {
    }

    /** Options of a build; immutable. */
    public record Options(LoadRestrictor restrictor, Reorder reorder, boolean managedByLabel, String managedByValue,
                          RemoteResources remoteResources, boolean parallel) {
    }

    public static List<Resource> run(FileTree tree, String path, Options options) {
        try (RemoteRepos remotes = new RemoteRepos(options.remoteResources())) {
            return run(tree, path, options, remotes);
        }
    }

    private static List<Resource> run(FileTree tree, String path, Options options, RemoteRepos remotes) {
        FileLoader loader = new FileLoader(tree, "", options.restrictor(), remotes, null);
        String dir = FileTree.normalize(path);
        ForkJoinPool pool = options.parallel() && !remotes.enabled() ? BuildPool.get() : null;
        KustTarget target = new KustTarget(loader, pool);
        Accumulation ra;
        if (pool == null) {
            ra = target.build(dir);
        } else {
            KustTarget parallel = target;
            Object done = pool.invoke(ForkJoinTask.adapt(() -> {
                try {
                    return (Object) parallel.build(dir);
                } catch (RuntimeException e) {
                    return e;
                }
            }));
            if (parallel.needsSequentialRerun()) {
                // a kustomization declared a custom schema, which applies build-wide in order: redo in order
                target = new KustTarget(loader, null);
                ra = target.build(dir);
            } else if (done instanceof RuntimeException e) {
                throw e;
            } else {
                ra = (Accumulation) done;
            }
        }
        ResourceList m = ra.resources;
        // Generated names get their hash only now, after every overlay changed their content.
        for (KResource r : m) {
            if (r.needsHash) {
                String hash = NameHash.of(r);
                r.storePreviousId();
                r.setName(r.name() + "-" + hash);
            }
        }
        m.namesChanged();
        // With all names final, references follow them; vars read the final values.
        NameReferences.fix(m, ra.config);
        Vars.resolve(m, ra.vars, ra.config.get("varReference"));
        List<KResource> out = new ArrayList<>();
        for (KResource r : m.items) {
            // objects marked local-config are inputs for the build only
            if (!"true".equals(r.obj.path("metadata").path("annotations").path("config.kubernetes.io/local-config").asText(""))) {
                out.add(r);
            }
        }
        order(out, target.root, options.reorder());
        List<Resource> result = new ArrayList<>();
        for (KResource r : out) {
            if (options.managedByLabel() || target.root.strings("buildMetadata").contains("managedByLabel")) {
                r.labels(true).put("app.kubernetes.io/managed-by", options.managedByValue());
            }
            try {
                result.add(Resource.adopt(r.obj, r.origin));
            } catch (RuntimeException e) {
                throw new KustomizeException(r.origin.file() + ": " + e.getMessage(), e);
            }
        }
        return result;
    }

    private static void order(List<KResource> out, KustomizationFile root, Reorder reorder) {
        JsonNode sort = root.get("sortOptions");
        if (sort != null) {
            String order = sort.path("order").asText("");
            if (order.equals("legacy")) {
                JsonNode legacy = sort.path("legacySortOptions");
                if (legacy.isObject()) {
                    LegacyOrder.sort(out, strings(legacy.get("orderFirst")), strings(legacy.get("orderLast")));
                } else {
                    LegacyOrder.sort(out);
                }
            } else if (order.equals("fifo")) {
                if (sort.has("legacySortOptions")) {
                    throw new KustomizeException(root.file + ": the field 'sortOptions.legacySortOptions' is set but the "
                            + "selected sort order is 'fifo', not 'legacy'");
                }
            } else {
                throw new KustomizeException(root.file + ": sortOptions: the field order must be either 'legacy' or 'fifo'");
            }
            return;
        }
        if (reorder == Reorder.LEGACY) {
            LegacyOrder.sort(out);
        }
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n != null && n.isArray()) {
            n.forEach(e -> out.add(e.asText()));
        }
        return out;
    }

    /** Whether the directory holds a kustomization file. */
    public static boolean hasKustomization(FileTree tree, String dir) {
        return KustomizationFile.findFile(tree, FileTree.normalize(dir)) != null;
    }
}
