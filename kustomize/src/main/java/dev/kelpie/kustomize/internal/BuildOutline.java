package dev.kelpie.kustomize.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a build will read, found by reading the kustomization files before it starts: how often
 * each local kustomization directory named in {@code resources:} is used (a base under five
 * overlays: five times), and the resource files in the order the build meets them.
 *
 * <p>The build accumulates a directory used more than once only once, copies it for all uses
 * but the last, and hands the last use the kept accumulation itself; resource files may be
 * parsed ahead on another thread ({@link ParsePrefetch}). Neither changes the output: a count
 * too low makes a later use rebuild the directory, one too high costs a copy, and a file not
 * listed is parsed when met. So anything this walk cannot read (a missing file, a path leaving
 * the tree, remote entries) is skipped; the build itself reports it, in its own order.
 *
 * @param uses uses per directory key
 * @param resourceFiles tree paths of resource files, first use order, each once
 */
record BuildOutline(Map<String, Integer> uses, List<String> resourceFiles) {

    static BuildOutline of(KustomizationFile root, FileLoader rootLoader, BuildContext ctx) {
        Map<String, Integer> uses = new HashMap<>();
        List<String> files = new ArrayList<>();
        Set<String> walked = new HashSet<>();
        walked.add(rootLoader.key(root.dir));
        walk(root, rootLoader.forDirectory(root.dir), ctx, uses, files, new HashSet<>(), walked);
        return new BuildOutline(uses, files);
    }

    private static void walk(KustomizationFile k, FileLoader loader, BuildContext ctx, Map<String, Integer> uses,
                             List<String> files, Set<String> seenFiles, Set<String> walked) {
        for (String field : List.of("resources", "bases", "components")) {
            for (String entry : strings(k, field)) {
                if (RemoteSpec.looksRemote(entry)) {
                    continue;
                }
                String path;
                try {
                    path = loader.resolve(entry);
                    if (loader.remote() == null && loader.tree().isFile(path)) {
                        if (!field.equals("components") && seenFiles.add(path)) {
                            files.add(path);
                        }
                        continue;
                    }
                } catch (RuntimeException e) {
                    continue;
                }
                KustomizationFile sub = directory(loader, path, ctx);
                if (sub == null) {
                    continue;
                }
                String key = loader.key(sub.dir);
                if (!field.equals("components")) {
                    uses.merge(key, 1, Integer::sum);
                }
                // a directory's own entries are walked once: after its first use it is reused, not re-read
                if (walked.add(key)) {
                    walk(sub, loader.forDirectory(sub.dir), ctx, uses, files, seenFiles, walked);
                }
            }
        }
    }

    private static List<String> strings(KustomizationFile k, String field) {
        try {
            return k.strings(field);
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /** The kustomization of a local directory, or null when the path is anything else. */
    private static KustomizationFile directory(FileLoader loader, String path, BuildContext ctx) {
        try {
            if (!loader.tree().isDirectory(path) || KustomizationFile.findFile(loader.tree(), path) == null) {
                return null;
            }
            return ctx.kustomization(loader.tree(), loader.key(path), path);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
