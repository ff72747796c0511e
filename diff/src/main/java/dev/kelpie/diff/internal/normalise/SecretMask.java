package dev.kelpie.diff.internal.normalise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.diff.internal.json.JsonValues;
import java.util.ArrayList;
import java.util.List;

/**
 * Masks Secret {@code data}/{@code stringData} values in copies of the two sides of a diff:
 * equal values get the same mask, different values different masks, so a change still shows
 * without showing the value (as Argo CD's {@code ++++++++}).
 */
public final class SecretMask {
    private SecretMask() {
    }

    /** Returns masked copies of {@code a} and {@code b} when either is a Secret; else the inputs. */
    public static ObjectNode[] mask(ObjectNode a, ObjectNode b) {
        if (!DefaultNormalisation.isSecret(a) && !DefaultNormalisation.isSecret(b)) {
            return new ObjectNode[] {a, b};
        }
        ObjectNode ma = a.deepCopy();
        ObjectNode mb = b.deepCopy();
        for (String field : List.of("data", "stringData")) {
            List<JsonNode> seen = new ArrayList<>();
            maskField(ma.get(field), seen);
            maskField(mb.get(field), seen);
        }
        return new ObjectNode[] {ma, mb};
    }

    private static void maskField(JsonNode data, List<JsonNode> seen) {
        if (!(data instanceof ObjectNode o)) {
            return;
        }
        o.fields().forEachRemaining(e -> {
            int i = indexOf(seen, e.getValue());
            if (i < 0) {
                seen.add(e.getValue());
                i = seen.size() - 1;
            }
            e.setValue(JsonValues.NODES.textNode("+".repeat(8 + i)));
        });
    }

    private static int indexOf(List<JsonNode> seen, JsonNode v) {
        for (int i = 0; i < seen.size(); i++) {
            if (JsonValues.equal(seen.get(i), v)) {
                return i;
            }
        }
        return -1;
    }
}
