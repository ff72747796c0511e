package dev.kelpie.kustomize.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How often a build will ask for each local kustomization directory named in {@code resources:}
 * (a base under five overlays: five times), found by reading the kustomization files before the
 * build starts. The build accumulates such a directory once, copies it for all uses but the
 * last, and hands the last use the kept accumulation itself.
 *
 * <p>The counts only steer that reuse, never the output: a count too low makes a later use
 * rebuild the directory, a count too high costs one unneeded copy. So anything this walk cannot
 * read (a missing file, a path leaving the tree, remote entries) is skipped; the build itself
 * reports it in its own order.
 */
final class DirectoryUses {
    private DirectoryUses() {
    }

    static Map<String, Integer> count(KustomizationFile root, FileLoader rootLoader, BuildContext ctx) {
        Map<String, Integer> uses = new HashMap<>();
        Set<String> walked = new HashSet<>();
        Deque<Object[]> todo = new ArrayDeque<>();
        todo.push(new Object[] {root, rootLoader});
        walked.add(rootLoader.key(root.dir));
        while (!todo.isEmpty()) {
            Object[] next = todo.pop();
            KustomizationFile k = (KustomizationFile) next[0];
            FileLoader loader = ((FileLoader) next[1]).forDirectory(k.dir);
            for (String field : List.of("resources", "bases", "components")) {
                for (String entry : strings(k, field)) {
                    KustomizationFile sub = directory(loader, entry, ctx);
                    if (sub == null) {
                        continue;
                    }
                    String key = loader.key(sub.dir);
                    if (!field.equals("components")) {
                        uses.merge(key, 1, Integer::sum);
                    }
                    // a directory's own entries are counted once: after its first use it is reused, not re-read
                    if (walked.add(key)) {
                        todo.push(new Object[] {sub, loader});
                    }
                }
            }
        }
        return uses;
    }

    private static List<String> strings(KustomizationFile k, String field) {
        try {
            return k.strings(field);
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /** The kustomization of a local directory entry, or null when the entry is anything else. */
    private static KustomizationFile directory(FileLoader loader, String entry, BuildContext ctx) {
        if (RemoteSpec.looksRemote(entry)) {
            return null;
        }
        try {
            String path = loader.resolve(entry);
            if (loader.tree().isFile(path) || !loader.tree().isDirectory(path)
                    || KustomizationFile.findFile(loader.tree(), path) == null) {
                return null;
            }
            String key = loader.key(path);
            KustomizationFile sub = ctx.kustomizations.get(key);
            if (sub == null) {
                sub = KustomizationFile.load(loader.tree(), path);
                ctx.kustomizations.put(key, sub);
            }
            return sub;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
