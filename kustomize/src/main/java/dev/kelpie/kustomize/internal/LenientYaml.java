package dev.kelpie.kustomize.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.kustomize.KustomizeException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Reads a kustomization file the way kustomize does when it repeats a key: the last value
 * wins (the strict reader refuses duplicates, which is right for resources).
 */
final class LenientYaml {
    private LenientYaml() {
    }

    static JsonNode read(String file, String text) {
        LoadSettings settings = LoadSettings.builder().setAllowDuplicateKeys(true).setMaxAliasesForCollections(100)
                .setLabel(file).build();
        try {
            Object o = new Load(settings).loadFromString(text);
            return toNode(o);
        } catch (RuntimeException e) {
            throw new KustomizeException(file + ": invalid kustomization: " + e.getMessage(), e);
        }
    }

    private static JsonNode toNode(Object o) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (o == null) {
            return f.nullNode();
        }
        if (o instanceof Map<?, ?> m) {
            ObjectNode n = f.objectNode();
            m.forEach((k, v) -> n.set(String.valueOf(k), toNode(v)));
            return n;
        }
        if (o instanceof List<?> l) {
            ArrayNode a = f.arrayNode();
            l.forEach(v -> a.add(toNode(v)));
            return a;
        }
        if (o instanceof Boolean b) {
            return f.booleanNode(b);
        }
        if (o instanceof Integer i) {
            return f.numberNode(i);
        }
        if (o instanceof Long l) {
            return f.numberNode(l);
        }
        if (o instanceof BigInteger b) {
            return f.numberNode(b);
        }
        if (o instanceof Double d) {
            return f.numberNode(BigDecimal.valueOf(d));
        }
        return f.textNode(String.valueOf(o));
    }
}
