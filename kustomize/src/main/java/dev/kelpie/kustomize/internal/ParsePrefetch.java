package dev.kelpie.kustomize.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.core.source.FileTree;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads the outline of a sequential build and parses its resource files on a second thread, in
 * the order the build will need them, while the build thread reads kustomizations, runs
 * generators and transformers. Each file is parsed once, by whichever thread claims it first; a file the
 * prefetch could not parse is parsed again by the build, which then reports the error where
 * and when a build without prefetch would. Reads only through the build's confined tree; the
 * build still applies the load restrictor to every file it takes.
 *
 * <p>Worth it in a cold JVM on two or more processors (the short-lived CLI): parsing is a
 * quarter of such a build. Parallel builds do not use it; their workers already overlap.
 */
final class ParsePrefetch implements AutoCloseable {
    private static final ParsePrefetch NONE = new ParsePrefetch(Map.of());

    /** One file: claimed by one thread, completed with its objects or null when parsing failed. */
    private static final class Slot {
        final AtomicBoolean claimed = new AtomicBoolean();
        final CompletableFuture<List<ObjectNode>> parsed = new CompletableFuture<>();
    }

    private final Map<String, Slot> slots;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ParsePrefetch(Map<String, Slot> slots) {
        this.slots = slots;
    }

    static ParsePrefetch none() {
        return NONE;
    }

    /**
     * Starts a daemon thread that reads the build's outline (completing {@code ctx.outline}),
     * then parses the resource files it lists, in order.
     */
    static ParsePrefetch start(FileLoader loader, KustomizationFile root, BuildContext ctx) {
        CompletableFuture<BuildOutline> outline = new CompletableFuture<>();
        ctx.outline = outline;
        if (Runtime.getRuntime().availableProcessors() < 2) {
            outline.complete(BuildOutline.of(root, loader, ctx));
            return NONE;
        }
        ParsePrefetch p = new ParsePrefetch(new ConcurrentHashMap<>());
        Thread t = new Thread(() -> {
            BuildOutline o;
            try {
                o = BuildOutline.of(root, loader, ctx);
            } catch (RuntimeException e) {
                o = new BuildOutline(Map.of(), List.of()); // no reuse, no prefetch: slower, same output
            }
            for (String f : o.resourceFiles()) {
                p.slots.putIfAbsent(f, new Slot());
            }
            outline.complete(o);
            p.run(loader.tree(), o.resourceFiles());
        }, "kelpie-kustomize-prefetch");
        t.setDaemon(true);
        t.start();
        return p;
    }

    private void run(FileTree tree, List<String> files) {
        for (String f : files) {
            if (closed.get()) {
                return;
            }
            Slot s = slots.get(f);
            if (!s.claimed.compareAndSet(false, true)) {
                continue;
            }
            List<ObjectNode> objects;
            try {
                objects = FileLoader.objects(f, tree.readString(f));
            } catch (RuntimeException e) {
                objects = null; // the build parses it again and reports the error in its place
            }
            s.parsed.complete(objects);
        }
    }

    /**
     * The objects of a file when the prefetch parsed it (waiting while it is being parsed), or
     * null when the caller must parse it: not listed, not reached yet (the caller claims it) or
     * failed.
     */
    List<ObjectNode> take(String path) {
        if (this == NONE) {
            return null;
        }
        Slot mine = new Slot();
        mine.claimed.set(true);
        Slot s = slots.putIfAbsent(path, mine);
        if (s == null || s.claimed.compareAndSet(false, true)) {
            return null; // claimed here before the outline listed it, or before the prefetch reached it
        }
        return s.parsed.join();
    }

    /** Stops parsing files nobody claimed yet (the build ended or failed). */
    @Override
    public void close() {
        closed.set(true);
    }
}
