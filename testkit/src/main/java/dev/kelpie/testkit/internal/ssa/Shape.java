package dev.kelpie.testkit.internal.ssa;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * What structured-merge-diff's schema says about one position in an object: whether the value
 * there is a scalar, a map or a list, whether it is atomic (owned and replaced as a whole),
 * which fields a struct declares, and for associative lists their key fields.
 * Implementations are immutable and thread-safe.
 */
public interface Shape {

    /** How a value at this position is walked. */
    enum Form { SCALAR, MAP, LIST }

    /** The form a value takes here (a deduced shape decides from the value itself). */
    Form form(JsonNode value);

    /** The form of a value by its JSON type: objects are maps, arrays lists, the rest scalars. */
    static Form formOf(JsonNode value) {
        if (value != null && value.isObject()) {
            return Form.MAP;
        }
        if (value != null && value.isArray()) {
            return Form.LIST;
        }
        return Form.SCALAR;
    }

    /** Whether a map or list here is owned and replaced as a whole. */
    boolean isAtomic(JsonNode value);

    /** The shape of a map field (a declared field's type, or the map's element type). */
    Shape field(String name);

    /** Whether {@code name} is a declared struct field (not an entry of a free-form map). */
    boolean declares(String name);

    /** The shape of list elements. */
    Shape element();

    /** Key field names of an associative list of maps; empty for sets and atomic lists. */
    List<String> keys();

    /** The default of a field of this struct (for list keys with defaults). */
    Optional<JsonNode> defaultOf(String field);
}
