package dev.kelpie.core.plan;

import dev.kelpie.core.model.Resource;
import dev.kelpie.core.model.ResourceId;
import java.util.Objects;
import java.util.Optional;

/**
 * The value of {@code kelpie.dev/tracking-id}: {@code <app>:<group>/<kind>:<namespace>/<name>},
 * as Argo CD's annotation tracking spells it (core group and cluster scope are empty). It says
 * which application applied an object, so no application touches another's objects.
 * Immutable and thread-safe.
 */
public record TrackingId(String app, String group, String kind, String namespace, String name) {
    public TrackingId {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
    }

    public static TrackingId of(String app, ResourceId id) {
        return new TrackingId(app, id.group(), id.kind(), id.namespace(), id.name());
    }

    /** The tracking id an object carries, if its annotation parses. */
    public static Optional<TrackingId> of(Resource r) {
        String v = r.annotations().get(SyncAnnotations.TRACKING_ID);
        return v == null ? Optional.empty() : parse(v);
    }

    /** Parses {@code app:group/kind:namespace/name}; empty when malformed. */
    public static Optional<TrackingId> parse(String value) {
        int c1 = value.indexOf(':');
        int c2 = c1 < 0 ? -1 : value.indexOf(':', c1 + 1);
        if (c1 <= 0 || c2 < 0) {
            return Optional.empty();
        }
        String gk = value.substring(c1 + 1, c2);
        String nn = value.substring(c2 + 1);
        int s1 = gk.indexOf('/');
        int s2 = nn.indexOf('/');
        if (s1 < 0 || s2 < 0) {
            return Optional.empty();
        }
        return Optional.of(new TrackingId(value.substring(0, c1), gk.substring(0, s1), gk.substring(s1 + 1),
                nn.substring(0, s2), nn.substring(s2 + 1)));
    }

    /** Whether this id names the object {@code id} (version ignored). */
    public boolean names(ResourceId id) {
        return group.equals(id.group()) && kind.equals(id.kind()) && namespace.equals(id.namespace())
                && name.equals(id.name());
    }

    @Override
    public String toString() {
        return app + ":" + group + "/" + kind + ":" + namespace + "/" + name;
    }
}
