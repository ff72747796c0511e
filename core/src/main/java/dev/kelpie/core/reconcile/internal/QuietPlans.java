package dev.kelpie.core.reconcile.internal;

import dev.kelpie.core.app.Application;
import dev.kelpie.core.model.Manifests;
import dev.kelpie.core.model.Resource;
import dev.kelpie.core.model.ResourceId;
import dev.kelpie.core.plan.Inventory;
import dev.kelpie.core.plan.SyncPlan;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last plan that found nothing to do, per application, with what it was computed from.
 * A plan is a pure function of the application's settings, the desired objects, the live
 * objects and the inventory; the API server changes an object's resourceVersion on every
 * write, so when the application is equal, the desired manifests are the very same (cached)
 * render and every live object has the uid and resourceVersion it had, the plan is the same
 * and the per-object three-way diffs can be skipped. That is the steady state of a fleet of
 * applications, where nearly every pass finds nothing to do. Thread-safe.
 */
final class QuietPlans {
    /** What a plan was computed from; see {@link #basis}. */
    record Basis(Application app, Manifests desired, byte[] liveDigest, Set<ResourceId> inventory) {
        boolean sameAs(Basis o) {
            return desired == o.desired && app.equals(o.app) && Arrays.equals(liveDigest, o.liveDigest)
                    && inventory.equals(o.inventory);
        }
    }

    private record Entry(Basis basis, SyncPlan plan) {
    }

    private final Map<String, Entry> byApp = new ConcurrentHashMap<>();

    /** The remembered plan of the basis' application when it was made from the same basis. */
    Optional<SyncPlan> reuse(Optional<Basis> now) {
        if (now.isEmpty()) {
            return Optional.empty();
        }
        Entry e = byApp.get(now.get().app().name());
        return e != null && now.get().sameAs(e.basis()) ? Optional.of(e.plan()) : Optional.empty();
    }

    /** Remembers a plan made from {@code basis} when it has nothing to do; forgets the application's plan otherwise. */
    void remember(String app, Optional<Basis> basis, SyncPlan plan) {
        if (basis.isPresent() && !plan.hasChanges() && plan.problems().isEmpty()) {
            byApp.put(app, new Entry(basis.get(), plan));
        } else {
            byApp.remove(app);
        }
    }

    /** Empty when a live object has no resourceVersion (a backend that does not version objects). */
    static Optional<Basis> basis(Application app, Manifests desired, Manifests live, Inventory inventory) {
        MessageDigest sha = sha256();
        for (Resource r : live) {
            String uid = r.unsafeTree().path("metadata").path("uid").asText("");
            String rv = r.unsafeTree().path("metadata").path("resourceVersion").asText("");
            if (rv.isEmpty()) {
                return Optional.empty();
            }
            sha.update((r.id().toString() + '\u0000' + uid + '\u0000' + rv + '\u0001').getBytes(StandardCharsets.UTF_8));
        }
        return Optional.of(new Basis(app, desired, sha.digest(), inventory.members()));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
