package dev.kelpie.diff.internal.smp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A Go slice over a backing array, to reproduce what apimachinery's in-place list edits do to
 * other views of the same array. When a merge list is patched, Go deletes elements with
 * {@code append(s[:i], s[i+1:]...)} and appends new ones into spare capacity; the caller's view
 * of the live list (used afterwards to order server-only items) sees those writes. The
 * element order kubectl produces when one patch deletes and adds merge-list items depends on
 * it (apimachinery case "add map and delete map from merging list"). A decoded JSON list of n
 * elements has the capacity Go's {@code append} growth gives it: the next power of two.
 * Not thread-safe; one per merge.
 */
final class GoSlice {
    private JsonNode[] backing;
    private final JsonNode[] originalBacking;
    private final int originalLength;
    private int length;

    GoSlice(List<JsonNode> items) {
        int cap = 1;
        while (cap < items.size()) {
            cap <<= 1;
        }
        backing = items.toArray(new JsonNode[items.isEmpty() ? 0 : cap]);
        if (backing.length < cap && !items.isEmpty()) {
            backing = Arrays.copyOf(backing, cap);
        }
        originalBacking = backing;
        originalLength = items.size();
        length = items.size();
    }

    /** The current elements. */
    List<JsonNode> view() {
        return new ArrayList<>(Arrays.asList(backing).subList(0, length));
    }

    /** {@code s = append(s[:i], s[i+1:]...)}. */
    void delete(int i) {
        System.arraycopy(backing, i + 1, backing, i, length - i - 1);
        length--;
    }

    /** {@code s[i] = v}. */
    void set(int i, JsonNode v) {
        backing[i] = v;
    }

    /** {@code s = append(s, v)}: in place while capacity lasts, else into a new array. */
    void append(JsonNode v) {
        if (length == backing.length) {
            backing = Arrays.copyOf(backing, Math.max(1, backing.length * 2));
        }
        backing[length++] = v;
    }

    /** {@code s = other}: a different backing array from now on. */
    void replaceWith(List<JsonNode> items) {
        backing = items.toArray(new JsonNode[0]);
        length = backing.length;
    }

    /** The caller's original view (same array, original length) after all edits. */
    List<JsonNode> originalView() {
        return new ArrayList<>(Arrays.asList(originalBacking).subList(0, originalLength));
    }
}
