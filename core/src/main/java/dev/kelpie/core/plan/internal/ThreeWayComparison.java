package dev.kelpie.core.plan.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.core.model.Resource;
import dev.kelpie.core.plan.LiveComparison;
import dev.kelpie.core.plan.SyncAnnotations;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * The planner's built-in comparison, used until a caller plugs in the diff module's: a live
 * object is in sync when every field Git sets has the same value live (live may hold more:
 * defaults and fields other managers own; objects inside lists compare the same way, item by
 * item), and no field the last-applied configuration set and Git dropped is still live.
 * Numbers compare by value. {@code status} and server-managed metadata are ignored.
 * Immutable and thread-safe.
 */
public final class ThreeWayComparison implements LiveComparison {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] SERVER_METADATA = {
        "managedFields", "resourceVersion", "uid", "generation", "creationTimestamp", "selfLink",
        "deletionTimestamp", "deletionGracePeriodSeconds", "ownerReferences", "finalizers",
    };

    @Override
    public Verdict compare(Resource desired, Resource live) {
        ObjectNode d = comparable(desired.unsafeTree());
        ObjectNode l = comparable(live.unsafeTree());
        String diff = firstMissing(d, l, "");
        if (diff != null) {
            return Verdict.outOfSync(diff);
        }
        String lastApplied = live.annotations().get(SyncAnnotations.LAST_APPLIED);
        if (lastApplied != null) {
            try {
                JsonNode last = JSON.readTree(lastApplied);
                if (last != null && last.isObject()) {
                    String removed = firstRemoved(comparable((ObjectNode) last), d, l, "");
                    if (removed != null) {
                        return Verdict.outOfSync(removed);
                    }
                }
            } catch (IOException e) {
                return Verdict.outOfSync("last-applied configuration is not valid JSON");
            }
        }
        return Verdict.matching();
    }

    private static ObjectNode comparable(ObjectNode tree) {
        ObjectNode c = tree.deepCopy();
        c.remove("status");
        JsonNode md = c.get("metadata");
        if (md instanceof ObjectNode m) {
            for (String f : SERVER_METADATA) {
                m.remove(f);
            }
            if (m.get("annotations") instanceof ObjectNode a) {
                a.remove(SyncAnnotations.LAST_APPLIED);
                if (a.isEmpty()) {
                    m.remove("annotations");
                }
            }
        }
        return c;
    }

    /** The first field of {@code want} that {@code have} lacks or holds differently, or null. */
    private static String firstMissing(JsonNode want, JsonNode have, String path) {
        if (want.isObject()) {
            if (!have.isObject()) {
                return display(path) + ": differs";
            }
            Iterator<Map.Entry<String, JsonNode>> it = want.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode h = have.get(e.getKey());
                String p = path + "." + e.getKey();
                if (h == null || h.isNull()) {
                    if (!e.getValue().isNull()) {
                        return display(p) + ": missing in the cluster";
                    }
                    continue;
                }
                String sub = firstMissing(e.getValue(), h, p);
                if (sub != null) {
                    return sub;
                }
            }
            return null;
        }
        if (want.isArray()) {
            if (!have.isArray() || have.size() != want.size()) {
                return display(path) + ": differs";
            }
            for (int i = 0; i < want.size(); i++) {
                String sub = firstMissing(want.get(i), have.get(i), path + "[" + i + "]");
                if (sub != null) {
                    return sub;
                }
            }
            return null;
        }
        if (want.isNumber() && have.isNumber()) {
            return want.decimalValue().compareTo(have.decimalValue()) == 0 ? null : display(path) + ": differs";
        }
        return want.equals(have) ? null : display(path) + ": differs";
    }

    /** The first field last-applied set, desired dropped and live still has, or null. */
    private static String firstRemoved(JsonNode last, JsonNode desired, JsonNode live, String path) {
        if (!last.isObject() || !live.isObject()) {
            return null;
        }
        Iterator<Map.Entry<String, JsonNode>> it = last.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = path + "." + e.getKey();
            JsonNode d = desired == null ? null : desired.get(e.getKey());
            JsonNode l = live.get(e.getKey());
            if (l == null) {
                continue;
            }
            if (d == null) {
                return display(p) + ": removed from Git but still in the cluster";
            }
            String sub = firstRemoved(e.getValue(), d, l, p);
            if (sub != null) {
                return sub;
            }
        }
        return null;
    }

    private static String display(String path) {
        return path.isEmpty() ? "(object)" : path.substring(1);
    }
}
