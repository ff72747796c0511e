package dev.kelpie.testkit.internal.ssa;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * The shape of schema-less objects, as structured-merge-diff's deduced type: maps are granular
 * (each key owned on its own), lists are atomic, everything else is a scalar. Immutable.
 */
public final class DeducedShape implements Shape {
    public static final DeducedShape INSTANCE = new DeducedShape();

    private DeducedShape() {
    }

    @Override
    public Form form(JsonNode value) {
        return Shape.formOf(value);
    }

    @Override
    public boolean isAtomic(JsonNode value) {
        return value != null && value.isArray();
    }

    @Override
    public Shape field(String name) {
        return this;
    }

    @Override
    public boolean declares(String name) {
        return false;
    }

    @Override
    public Shape element() {
        return this;
    }

    @Override
    public List<String> keys() {
        return List.of();
    }

    @Override
    public Optional<JsonNode> defaultOf(String field) {
        return Optional.empty();
    }
}
