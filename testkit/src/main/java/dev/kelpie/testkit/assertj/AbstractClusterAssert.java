package dev.kelpie.testkit.assertj;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kelpie.core.backend.Backend;
import dev.kelpie.core.backend.ListQuery;
import dev.kelpie.core.model.Manifests;
import dev.kelpie.core.model.Resource;
import dev.kelpie.core.model.ResourceId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a cluster (any {@link Backend}, usually an {@code InMemoryCluster}); extend it
 * with {@code SELF} bound to your subclass. Not thread-safe.
 */
public abstract class AbstractClusterAssert<SELF extends AbstractClusterAssert<SELF>> extends AbstractAssert<SELF, Backend> {

    protected AbstractClusterAssert(Backend actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /** The object exists; continue with assertions on it. */
    public ResourceAssert hasResource(ResourceId id) {
        isNotNull();
        Optional<Resource> r = actual.get(id);
        if (r.isEmpty()) {
            failWithMessage("Expecting the cluster to have %s but it does not (%d other %s objects)", id,
                    actual.list(ListQuery.of(id.group(), id.kind())).size(), id.kind());
        }
        return new ResourceAssert(r.orElseThrow());
    }

    public SELF doesNotHaveResource(ResourceId id) {
        isNotNull();
        if (actual.get(id).isPresent()) {
            failWithMessage("Expecting the cluster not to have %s but it does", id);
        }
        return myself;
    }

    /** Exactly {@code count} objects of the group-kind (in {@code namespace}, {@code ""} for all). */
    public SELF hasCount(String group, String kind, String namespace, int count) {
        isNotNull();
        int got = actual.list(ListQuery.of(group, kind).inNamespace(namespace)).size();
        if (got != count) {
            failWithMessage("Expecting %d %s objects%s but found %d", count, kind,
                    namespace.isEmpty() ? "" : " in " + namespace, got);
        }
        return myself;
    }

    /**
     * Every desired object exists live and every field it sets has the desired value there (the
     * live object may have more: defaults, status, fields of other managers). Lists compare whole.
     */
    public SELF isInSyncWith(Manifests desired) {
        isNotNull();
        List<String> problems = new ArrayList<>();
        for (Resource want : desired) {
            Optional<Resource> live = actual.get(want.id());
            if (live.isEmpty()) {
                problems.add(want.id() + " is missing");
                continue;
            }
            String masked = want.kind().equals("Secret") ? "<masked>" : null;
            drift(want.unsafeTree(), live.get().unsafeTree(), "", want.id(), masked, problems);
        }
        if (!problems.isEmpty()) {
            failWithMessage("Expecting the cluster to be in sync with %d objects but %s", desired.size(), String.join("; ", problems));
        }
        return myself;
    }

    private static void drift(JsonNode want, JsonNode got, String path, ResourceId id, String masked, List<String> problems) {
        if (want.isObject() && got.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = want.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (path.isEmpty() && e.getKey().equals("status")) {
                    continue;
                }
                JsonNode g = got.get(e.getKey());
                String p = path + "." + e.getKey();
                if (g == null) {
                    problems.add(id + " " + p + " is missing");
                } else {
                    drift(e.getValue(), g, p, id, masked, problems);
                }
            }
        } else if (!AbstractResourceAssert.sameValue(want, got) && !subsetList(want, got)) {
            problems.add(id + " " + path + " is " + (masked != null ? masked : got) + ", want "
                    + (masked != null ? masked : want));
        }
    }

    /** Lists of objects match element-wise when each desired element is contained in the live one (live adds defaults). */
    private static boolean subsetList(JsonNode want, JsonNode got) {
        if (!want.isArray() || !got.isArray() || want.size() != got.size()) {
            return false;
        }
        for (int i = 0; i < want.size(); i++) {
            List<String> p = new ArrayList<>();
            drift(want.get(i), got.get(i), "", null, null, p);
            if (!p.isEmpty()) {
                return false;
            }
        }
        return true;
    }
}
