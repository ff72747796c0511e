package dev.kelpie.kustomize.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.kustomize.KustomizeException;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 6902 JSON patch (add, remove, replace, move, copy, test) applied to a tree in place.
 * Not thread-safe; a patch holds no state beyond its operations, which are immutable.
 */
final class JsonPatch {
    private final List<JsonNode> ops;
    private final String source;

    private JsonPatch(List<JsonNode> ops, String source) {
        this.ops = ops;
        this.source = source;
    }

    /** A patch from a parsed sequence of operations. */
    static JsonPatch of(JsonNode ops, String source) {
        if (ops == null || !ops.isArray()) {
            throw new KustomizeException(source + ": a JSON 6902 patch must be a sequence of operations");
        }
        List<JsonNode> list = new ArrayList<>();
        ops.forEach(list::add);
        return new JsonPatch(list, source);
    }

    /** Applies the operations to {@code root}; returns the new root (which may be another node). */
    JsonNode apply(JsonNode root, String target) {
        JsonNode doc = root;
        for (JsonNode op : ops) {
            String name = op.path("op").asText("");
            String path = op.path("path").asText(null);
            if (path == null) {
                throw error(target, "operation '" + name + "' has no path");
            }
            switch (name) {
                case "add" -> doc = add(doc, path, value(op, target), target);
                case "remove" -> doc = remove(doc, path, target);
                case "replace" -> {
                    get(doc, path, target);
                    doc = remove(doc, path, target);
                    doc = add(doc, path, value(op, target), target);
                }
                case "move" -> {
                    String from = op.path("from").asText();
                    JsonNode v = get(doc, from, target);
                    doc = remove(doc, from, target);
                    doc = add(doc, path, v, target);
                }
                case "copy" -> doc = add(doc, path, get(doc, op.path("from").asText(), target).deepCopy(), target);
                case "test" -> {
                    JsonNode actual = get(doc, path, target);
                    if (!equalValues(actual, value(op, target))) {
                        throw error(target, "testing value " + path + " failed: test failed");
                    }
                }
                default -> throw error(target, "unexpected operation '" + name + "'");
            }
        }
        return doc;
    }

    private static boolean equalValues(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }

    private KustomizeException error(String target, String msg) {
        return new KustomizeException(source + ": patch on " + target + ": " + msg);
    }

    private JsonNode value(JsonNode op, String target) {
        if (!op.has("value")) {
            throw error(target, "operation '" + op.path("op").asText() + "' has no value");
        }
        return op.get("value").deepCopy();
    }

    private static List<String> tokens(String path) {
        List<String> out = new ArrayList<>();
        if (path.isEmpty()) {
            return out;
        }
        for (String t : path.substring(path.startsWith("/") ? 1 : 0).split("/", -1)) {
            out.add(t.replace("~1", "/").replace("~0", "~"));
        }
        return out;
    }

    private JsonNode get(JsonNode doc, String path, String target) {
        JsonNode cur = doc;
        for (String t : tokens(path)) {
            cur = child(cur, t);
            if (cur == null) {
                throw error(target, "unable to find path " + path);
            }
        }
        return cur;
    }

    private static JsonNode child(JsonNode n, String t) {
        if (n.isObject()) {
            return n.get(t);
        }
        if (n.isArray()) {
            try {
                int i = Integer.parseInt(t);
                return i >= 0 && i < n.size() ? n.get(i) : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private JsonNode parentOf(JsonNode doc, List<String> toks, String path, String target) {
        JsonNode cur = doc;
        for (int i = 0; i < toks.size() - 1; i++) {
            cur = child(cur, toks.get(i));
            if (cur == null) {
                throw error(target, "unable to find path " + path + ": missing " + toks.get(i));
            }
        }
        return cur;
    }

    private JsonNode add(JsonNode doc, String path, JsonNode value, String target) {
        List<String> toks = tokens(path);
        if (toks.isEmpty()) {
            return value;
        }
        JsonNode parent = parentOf(doc, toks, path, target);
        String last = toks.get(toks.size() - 1);
        if (parent.isObject()) {
            ((ObjectNode) parent).set(last, value);
        } else if (parent.isArray()) {
            ArrayNode a = (ArrayNode) parent;
            if (last.equals("-")) {
                a.add(value);
            } else {
                int i = index(last, a.size(), path, target);
                a.insert(i, value);
            }
        } else {
            throw error(target, "unable to add at " + path + ": parent is not a container");
        }
        return doc;
    }

    private int index(String t, int size, String path, String target) {
        try {
            int i = Integer.parseInt(t);
            if (i < 0 || i > size) {
                throw error(target, "index out of range at " + path);
            }
            return i;
        } catch (NumberFormatException e) {
            throw error(target, "bad index '" + t + "' at " + path);
        }
    }

    private JsonNode remove(JsonNode doc, String path, String target) {
        List<String> toks = tokens(path);
        JsonNode parent = parentOf(doc, toks, path, target);
        String last = toks.get(toks.size() - 1);
        if (parent.isObject() && parent.has(last)) {
            ((ObjectNode) parent).remove(last);
        } else if (parent.isArray()) {
            int i = index(last, parent.size() - 1, path, target);
            ((ArrayNode) parent).remove(i);
        } else {
            throw error(target, "unable to remove " + path + ": no such field");
        }
        return doc;
    }
}
