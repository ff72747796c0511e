package dev.kelpie.core.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * An ordered, duplicate-free set of {@link Resource}s. Order is insertion order; identity is
 * {@link ResourceId} (version ignored). Adding a second object with the same id fails with a
 * {@link DuplicateResourceException} naming both origins. Immutable and thread-safe.
 */
public final class Manifests implements Iterable<Resource> {
    private static final Manifests EMPTY = new Manifests(new LinkedHashMap<>());
    private final Map<ResourceId, Resource> byId;

    private Manifests(LinkedHashMap<ResourceId, Resource> byId) {
        this.byId = Collections.unmodifiableMap(byId);
    }

    public static Manifests empty() {
        return EMPTY;
    }

    /**
     * @throws DuplicateResourceException when two resources share an id
     */
    public static Manifests of(Collection<Resource> resources) {
        Builder b = builder();
        resources.forEach(b::add);
        return b.build();
    }

    public static Manifests of(Resource... resources) {
        return of(List.of(resources));
    }

    public static Builder builder() {
        return new Builder();
    }

    public int size() {
        return byId.size();
    }

    public boolean isEmpty() {
        return byId.isEmpty();
    }

    public Optional<Resource> get(ResourceId id) {
        return Optional.ofNullable(byId.get(id));
    }

    public boolean contains(ResourceId id) {
        return byId.containsKey(id);
    }

    /** The resources in order, as an unmodifiable list. */
    public List<Resource> list() {
        return List.copyOf(byId.values());
    }

    /** The ids in order. */
    public List<ResourceId> ids() {
        return List.copyOf(byId.keySet());
    }

    public Stream<Resource> stream() {
        return byId.values().stream();
    }

    @Override
    public Iterator<Resource> iterator() {
        return byId.values().iterator();
    }

    /** A copy with {@code r} replacing the object of the same id in place, or appended. */
    public Manifests with(Resource r) {
        LinkedHashMap<ResourceId, Resource> copy = new LinkedHashMap<>(byId);
        if (copy.containsKey(r.id())) {
            // re-put keeps position, but the key object keeps the old version; rebuild to refresh it
            LinkedHashMap<ResourceId, Resource> rebuilt = new LinkedHashMap<>();
            copy.forEach((k, v) -> rebuilt.put(k.equals(r.id()) ? r.id() : k, k.equals(r.id()) ? r : v));
            return new Manifests(rebuilt);
        }
        copy.put(r.id(), r);
        return new Manifests(copy);
    }

    public Manifests without(ResourceId id) {
        LinkedHashMap<ResourceId, Resource> copy = new LinkedHashMap<>(byId);
        copy.remove(id);
        return new Manifests(copy);
    }

    public Manifests filter(Predicate<Resource> keep) {
        LinkedHashMap<ResourceId, Resource> copy = new LinkedHashMap<>();
        byId.forEach((k, v) -> {
            if (keep.test(v)) {
                copy.put(k, v);
            }
        });
        return new Manifests(copy);
    }

    /**
     * Applies {@code f} to every resource, keeping order.
     *
     * @throws DuplicateResourceException when the function makes two ids collide
     */
    public Manifests map(UnaryOperator<Resource> f) {
        Builder b = builder();
        byId.values().forEach(r -> b.add(f.apply(r)));
        return b.build();
    }

    /** This set followed by {@code other}; fails on a shared id. */
    public Manifests concat(Manifests other) {
        Builder b = builder();
        byId.values().forEach(b::add);
        other.forEach(b::add);
        return b.build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Manifests m && new ArrayList<>(byId.values()).equals(new ArrayList<>(m.byId.values()));
    }

    @Override
    public int hashCode() {
        return byId.values().stream().mapToInt(Resource::hashCode).sum();
    }

    @Override
    public String toString() {
        return "Manifests" + byId.keySet();
    }

    /** Collects resources in order. Not thread-safe; confine to one thread. */
    public static final class Builder {
        private LinkedHashMap<ResourceId, Resource> byId = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * @throws DuplicateResourceException when an object with the same id is already there
         */
        public Builder add(Resource r) {
            Objects.requireNonNull(r, "r");
            Resource prior = byId.putIfAbsent(r.id(), r);
            if (prior != null) {
                throw new DuplicateResourceException(r.id(), prior.origin(), r.origin());
            }
            return this;
        }

        public Builder addAll(Iterable<Resource> rs) {
            rs.forEach(this::add);
            return this;
        }

        public int size() {
            return byId.size();
        }

        public Manifests build() {
            Manifests m = new Manifests(byId);
            byId = new LinkedHashMap<>();
            return m;
        }
    }
}
