package dev.kelpie.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Objects;

/**
 * One difference between the live object and what it would become: for tools. The path
 * names list elements by merge key where the kind has one
 * ({@code spec.template.spec.containers[name=app].image}), else by index. Secret values are
 * masked. An absent side is a {@link MissingNode}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param path dotted field path
 * @param pointer the RFC 6901 pointer of the field (by index) in the object it exists in
 * @param type added, removed or changed
 * @param live the live value (missing when added)
 * @param predicted the value after the patch (missing when removed)
 */
public record Change(String path, String pointer, Type type, JsonNode live, JsonNode predicted) {
    public Change {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(type, "type");
        live = live == null ? MissingNode.getInstance() : live.deepCopy();
        predicted = predicted == null ? MissingNode.getInstance() : predicted.deepCopy();
    }

    /** What happened to the field. */
    public enum Type { ADDED, REMOVED, CHANGED }

    @Override
    public String toString() {
        return type + " " + path;
    }
}
