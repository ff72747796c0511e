package dev.kelpie.diff.internal.normalise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.diff.IgnoreRule;
import dev.kelpie.diff.internal.patch.JsonPointer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.thisptr.jackson.jq.BuiltinFunctionLoader;
import net.thisptr.jackson.jq.JsonQuery;
import net.thisptr.jackson.jq.Scope;
import net.thisptr.jackson.jq.Versions;
import net.thisptr.jackson.jq.exception.JsonQueryException;

/**
 * Applies {@link IgnoreRule}s: removes the fields they select from an object. jq path
 * expressions run on jackson-jq as {@code del(EXPR)}. Thread-safe: compiled queries are cached.
 */
public final class IgnoreRules {
    private static final Scope ROOT = rootScope();
    private static final Map<String, JsonQuery> COMPILED = new ConcurrentHashMap<>();

    private IgnoreRules() {
    }

    private static Scope rootScope() {
        Scope scope = Scope.newEmptyScope();
        BuiltinFunctionLoader.getInstance().loadFunctions(Versions.JQ_1_6, scope);
        return scope;
    }

    /** Checks pointers and jq expressions; throws naming the bad one. */
    public static void validate(IgnoreRule rule) {
        for (String p : rule.jsonPointers()) {
            try {
                JsonPointer.parse(p);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("ignore rule: jsonPointers: " + e.getMessage(), e);
            }
        }
        for (String jq : rule.jqPathExpressions()) {
            compile(jq);
        }
    }

    private static JsonQuery compile(String expression) {
        return COMPILED.computeIfAbsent(expression, e -> {
            try {
                return JsonQuery.compile("del(" + e + ")", Versions.JQ_1_6);
            } catch (JsonQueryException ex) {
                throw new IllegalArgumentException("ignore rule: jqPathExpressions: invalid jq path expression \""
                        + e + "\": " + ex.getMessage(), ex);
            }
        });
    }

    /** Removes from {@code object} everything the rule's pointers and jq expressions select. */
    public static ObjectNode removeSelected(ObjectNode object, IgnoreRule rule) {
        for (String p : rule.jsonPointers()) {
            remove(object, JsonPointer.parse(p).tokens());
        }
        ObjectNode current = object;
        for (String jq : rule.jqPathExpressions()) {
            List<JsonNode> out = new ArrayList<>();
            try {
                compile(jq).apply(Scope.newChildScope(ROOT), current, out::add);
            } catch (JsonQueryException e) {
                // a path that does not apply to this object selects nothing (Argo CD does the same)
                continue;
            }
            if (out.size() == 1 && out.get(0) instanceof ObjectNode o) {
                current = o;
            }
        }
        return current;
    }

    static void remove(JsonNode root, List<String> tokens) {
        if (tokens.isEmpty()) {
            return;
        }
        JsonNode parent = root;
        for (int i = 0; i < tokens.size() - 1 && parent != null; i++) {
            parent = child(parent, tokens.get(i));
        }
        String last = tokens.get(tokens.size() - 1);
        if (parent instanceof ObjectNode o) {
            o.remove(last);
        } else if (parent instanceof ArrayNode a && isIndex(last, a.size())) {
            a.remove(Integer.parseInt(last));
        }
    }

    private static JsonNode child(JsonNode parent, String token) {
        if (parent instanceof ObjectNode o) {
            return o.get(token);
        }
        if (parent instanceof ArrayNode a && isIndex(token, a.size())) {
            return a.get(Integer.parseInt(token));
        }
        return null;
    }

    private static boolean isIndex(String token, int size) {
        return !token.isEmpty() && token.length() < 10 && token.chars().allMatch(Character::isDigit)
                && Integer.parseInt(token) < size;
    }
}
