package dev.kelpie.testkit.assertj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kelpie.core.model.Resource;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one {@link Resource}; extend it with {@code SELF} bound to your subclass.
 * Failures name the object by its id, never print Secret data. Not thread-safe.
 */
public abstract class AbstractResourceAssert<SELF extends AbstractResourceAssert<SELF>> extends AbstractAssert<SELF, Resource> {
    private static final ObjectMapper JSON = new ObjectMapper();

    protected AbstractResourceAssert(Resource actual, Class<?> selfType) {
        super(actual, selfType);
    }

    public SELF withLabel(String key, String value) {
        isNotNull();
        String got = actual.labels().get(key);
        if (!value.equals(got)) {
            failWithMessage("Expecting %s to have label %s=%s but %s", actual.id(), key, value,
                    got == null ? "it has no such label (labels: " + actual.labels().keySet() + ")" : "it is " + key + "=" + got);
        }
        return myself;
    }

    public SELF withAnnotation(String key, String value) {
        isNotNull();
        String got = actual.annotations().get(key);
        if (!value.equals(got)) {
            failWithMessage("Expecting %s to have annotation %s=%s but %s", actual.id(), key, value,
                    got == null ? "it has no such annotation" : "it is " + got);
        }
        return myself;
    }

    /** The value at a JSON pointer such as {@code /spec/replicas} equals {@code expected} (a string, number, boolean or tree). */
    public SELF hasField(String jsonPointer, Object expected) {
        isNotNull();
        JsonNode got = actual.unsafeTree().at(jsonPointer);
        JsonNode want = expected instanceof JsonNode n ? n : JSON.valueToTree(expected);
        if (got.isMissingNode()) {
            failWithMessage("Expecting %s to have %s = %s but the field is absent", actual.id(), jsonPointer, want);
        } else if (!sameValue(got, want)) {
            failWithMessage("Expecting %s to have %s = %s but it is %s", actual.id(), jsonPointer, want,
                    isSecret() ? "<masked>" : got);
        }
        return myself;
    }

    public SELF doesNotHaveField(String jsonPointer) {
        isNotNull();
        if (!actual.unsafeTree().at(jsonPointer).isMissingNode()) {
            failWithMessage("Expecting %s not to have %s but it has", actual.id(), jsonPointer);
        }
        return myself;
    }

    public SELF isInNamespace(String namespace) {
        isNotNull();
        if (!actual.namespace().equals(namespace)) {
            failWithMessage("Expecting %s to be in namespace %s but it is in \"%s\"", actual.id(), namespace, actual.namespace());
        }
        return myself;
    }

    /**
     * The workload reports ready as kstatus would judge it: observedGeneration caught up and all
     * replicas ready (Deployment, StatefulSet, ReplicaSet), all scheduled pods ready (DaemonSet),
     * Complete (Job); other kinds only need their generation observed when they report one.
     */
    public SELF isReady() {
        isNotNull();
        JsonNode s = actual.unsafeTree().path("status");
        long generation = actual.unsafeTree().path("metadata").path("generation").asLong(0);
        String why = null;
        if (s.has("observedGeneration") && s.path("observedGeneration").asLong() < generation) {
            why = "status.observedGeneration " + s.path("observedGeneration") + " < generation " + generation;
        } else {
            switch (actual.kind()) {
                case "Deployment", "StatefulSet", "ReplicaSet" -> {
                    int want = actual.unsafeTree().path("spec").path("replicas").asInt(1);
                    if (s.path("readyReplicas").asInt(0) < want) {
                        why = "readyReplicas " + s.path("readyReplicas").asInt(0) + " of " + want;
                    }
                }
                case "DaemonSet" -> {
                    if (s.path("numberReady").asInt(0) < s.path("desiredNumberScheduled").asInt(0)) {
                        why = "numberReady " + s.path("numberReady").asInt(0) + " of " + s.path("desiredNumberScheduled");
                    }
                }
                case "Job" -> {
                    if (!hasCondition(s, "Complete")) {
                        why = "no Complete condition";
                    }
                }
                default -> {
                    // nothing more to check
                }
            }
        }
        if (why != null) {
            failWithMessage("Expecting %s to be ready but %s", actual.id(), why);
        }
        return myself;
    }

    /** A managedFields entry of {@code manager} exists. */
    public SELF isManagedBy(String manager) {
        isNotNull();
        for (JsonNode e : actual.unsafeTree().path("metadata").path("managedFields")) {
            if (e.path("manager").asText().equals(manager)) {
                return myself;
            }
        }
        failWithMessage("Expecting %s to be managed by %s but its managers are %s", actual.id(), manager,
                actual.unsafeTree().path("metadata").path("managedFields").findValuesAsText("manager"));
        return myself;
    }

    private static boolean hasCondition(JsonNode status, String type) {
        for (JsonNode c : status.path("conditions")) {
            if (c.path("type").asText().equals(type) && c.path("status").asText().equals("True")) {
                return true;
            }
        }
        return false;
    }

    private boolean isSecret() {
        return actual.kind().equals("Secret") && actual.id().group().isEmpty();
    }

    static boolean sameValue(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }
}
