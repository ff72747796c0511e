package dev.kelpie.diff;

import static dev.kelpie.diff.JsonAssert.assertJsonEquals;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.diff.internal.json.JsonValues;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * The in-sync fast path of {@link Differ#threeWay} must never change an answer: on objects with
 * the usual false differences (quantities, defaults, nulls, empty maps, status) and real ones
 * (drift, reordered or injected list elements, retained keys, directives), it agrees with the
 * full diff on the verdict, the changes, the trees and the errors.
 */
class FastPathProperties {
    private static final Differ FAST = Differ.builder().build();
    private static final Differ FULL = Differ.builder().fastPath(false).build();
    private static final IgnoreRule IGNORE_REPLICAS = IgnoreRule.builder().group("apps").kind("Deployment")
            .jsonPointer("/spec/replicas").build();
    private static final Differ FAST_IGNORING = Differ.builder().ignoreRule(IGNORE_REPLICAS).build();
    private static final Differ FULL_IGNORING = Differ.builder().ignoreRule(IGNORE_REPLICAS).fastPath(false).build();

    @Provide
    Arbitrary<ObjectNode> deployments() {
        return KubernetesObjects.deployments();
    }

    @Provide
    Arbitrary<List<Integer>> desiredTweaks() {
        return Arbitraries.integers().between(0, DESIRED_TWEAKS - 1).list().ofMaxSize(2);
    }

    @Provide
    Arbitrary<List<Integer>> liveTweaks() {
        return Arbitraries.integers().between(0, LIVE_TWEAKS - 1).list().ofMaxSize(2);
    }

    @Property(tries = 1500)
    void fastPathAgreesWithTheFullDiff(@ForAll("deployments") ObjectNode a, @ForAll("deployments") ObjectNode b,
            @ForAll @IntRange(min = 0, max = 3) int sameObject, @ForAll("desiredTweaks") List<Integer> desiredTweaks,
            @ForAll("liveTweaks") List<Integer> liveTweaks, @ForAll @IntRange(min = 0, max = 4) int lastAppliedForm,
            @ForAll boolean customResource, @ForAll boolean ignoring) {
        ObjectNode desired = (sameObject > 0 ? a : b).deepCopy();
        ObjectNode live = KubernetesObjects.serverDefaulted(a);
        desiredTweaks.forEach(t -> tweakDesired(desired, t));
        liveTweaks.forEach(t -> tweakLive(live, t));
        if (customResource) {
            desired.put("apiVersion", "example.com/v1").put("kind", "Widget");
            live.put("apiVersion", "example.com/v1").put("kind", "Widget");
        }
        JsonNode lastApplied = switch (lastAppliedForm) {
            case 0 -> desired.deepCopy();
            case 1 -> JsonValues.NODES.textNode(desired.toString());
            case 2 -> a.deepCopy();
            case 3 -> JsonValues.NODES.textNode(a.toString());
            default -> null;
        };
        assertSameAnswer(ignoring ? FAST_IGNORING : FAST, ignoring ? FULL_IGNORING : FULL, lastApplied, desired, live);
    }

    static void assertSameAnswer(Differ fast, Differ full, JsonNode lastApplied, ObjectNode desired, ObjectNode live) {
        ObjectNode[] before = {desired.deepCopy(), live.deepCopy()};
        DiffResult expected;
        try {
            expected = full.threeWay(lastApplied, desired, live);
        } catch (DiffException e) {
            String message = e.getMessage();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> fast.threeWay(lastApplied, desired, live))
                    .isInstanceOf(DiffException.class).hasMessage(message);
            return;
        }
        DiffResult actual = fast.threeWay(lastApplied, desired, live);
        Statistics.label("verdict").collect(expected.modified() ? "modified"
                : actual.fromFastPath() ? "in sync (fast path)" : "in sync (full diff)");
        assertThat(actual.modified()).as("modified").isEqualTo(expected.modified());
        assertThat(actual.changes()).as("changes").isEqualTo(expected.changes());
        assertThat(actual.patchFormat()).isEqualTo(expected.patchFormat());
        assertJsonEquals("normalised live", actual.normalisedLive(), expected.normalisedLive());
        assertJsonEquals("predicted live", actual.predictedLive(), expected.predictedLive());
        assertJsonEquals("patch", actual.patch(), expected.patch());
        assertJsonEquals("desired untouched", desired, before[0]);
        assertJsonEquals("live untouched", live, before[1]);
    }

    private static final int DESIRED_TWEAKS = 16;

    /** False differences normalisation hides, and real ones it does not. */
    private static void tweakDesired(ObjectNode d, int tweak) {
        ObjectNode md = (ObjectNode) d.get("metadata");
        ObjectNode spec = (ObjectNode) d.get("spec");
        ObjectNode pod = (ObjectNode) spec.at("/template/spec");
        if (pod.path("containers").isEmpty()) {
            pod.putArray("containers").addObject().put("name", "app").put("image", "img:1");
        }
        ObjectNode container = (ObjectNode) pod.at("/containers/0");
        switch (tweak) {
            case 0 -> md.putNull("creationTimestamp");
            case 1 -> d.putObject("status");
            case 2 -> pod.putObject("securityContext");
            case 3 -> {
                if (container.at("/resources/requests") instanceof ObjectNode requests) {
                    String cpu = requests.path("cpu").asText();
                    requests.put("cpu", cpu.equals("1") ? "1000m" : cpu.equals("100m") ? "0.1" : cpu);
                }
            }
            case 4 -> container.at("/ports").forEach(p -> ((ObjectNode) p).put("protocol", "TCP"));
            case 5 -> spec.putNull("replicas");
            case 6 -> md.putObject("labels").put("$odd", "x");
            case 7 -> container.at("/ports").forEach(p -> ((ObjectNode) p).put("containerPort",
                    p.path("containerPort").asText()));
            case 8 -> {
                ArrayNode containers = (ArrayNode) pod.get("containers");
                if (containers.size() > 1) {
                    containers.insert(0, containers.remove(containers.size() - 1));
                }
            }
            case 9 -> pod.putArray("tolerations");
            case 10 -> spec.putObject("strategy").put("type", "RollingUpdate");
            case 11 -> d.putObject("status").put("replicas", 2);
            case 12 -> md.put("uid", "other");
            case 13 -> container.put("image", "changed:9");
            case 14 -> pod.putArray("containers");
            default -> container.putObject("resources").putObject("limits").put("cpu", 1);
        }
    }

    private static final int LIVE_TWEAKS = 9;

    /** What servers and other controllers do to live objects. */
    private static void tweakLive(ObjectNode live, int tweak) {
        ObjectNode spec = (ObjectNode) live.get("spec");
        ObjectNode pod = (ObjectNode) spec.at("/template/spec");
        ArrayNode containers = (ArrayNode) pod.get("containers");
        if (containers.isEmpty()) {
            containers.addObject().put("name", "app").put("image", "img:1");
        }
        switch (tweak) {
            case 0 -> spec.putObject("strategy").put("type", "RollingUpdate").putObject("rollingUpdate")
                    .put("maxSurge", "25%");
            case 1 -> containers.addObject().put("name", "injected").put("image", "mesh:1");
            case 2 -> spec.put("replicas", 7);
            case 3 -> ((ObjectNode) live.get("metadata")).remove("labels");
            case 4 -> spec.putNull("minReadySeconds");
            case 5 -> containers.forEach(c -> ((ObjectNode) c).putObject("resources").putObject("limits")
                    .put("cpu", "1000m"));
            case 6 -> {
                if (containers.size() > 1) {
                    containers.add(containers.remove(0));
                }
            }
            case 7 -> ((ObjectNode) containers.get(0)).remove("name");
            default -> pod.putArray("tolerations");
        }
    }
}
