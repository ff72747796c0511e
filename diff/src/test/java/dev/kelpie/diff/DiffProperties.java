package dev.kelpie.diff;

import static dev.kelpie.diff.JsonAssert.assertJsonEquals;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.diff.internal.normalise.DefaultNormalisation;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Algebraic laws of the patch engines and the diff. */
class DiffProperties {
    private static final PatchSchema DEPLOYMENT = PatchMetadata.builtIn().schemaFor("apps", "v1", "Deployment").orElseThrow();

    @Provide
    Arbitrary<ObjectNode> deployments() {
        return KubernetesObjects.deployments();
    }

    @Property(tries = 300)
    void applyingTheTwoWayPatchYieldsTheModifiedObject(@ForAll("deployments") ObjectNode a,
            @ForAll("deployments") ObjectNode b) {
        ObjectNode patch = StrategicMerge.createTwoWay(a, b, DEPLOYMENT);
        assertEqualUpToPrimitiveOrder("apply(a, twoWay(a, b))", StrategicMerge.apply(a, patch, DEPLOYMENT), b);
    }

    @Property(tries = 200)
    void threeWayPatchOnAnUntouchedObjectYieldsTheModifiedObject(@ForAll("deployments") ObjectNode a,
            @ForAll("deployments") ObjectNode b) {
        ObjectNode patch = StrategicMerge.createThreeWay(a, b, a, DEPLOYMENT, false);
        assertEqualUpToPrimitiveOrder("apply(a, threeWay(a, b, a))", StrategicMerge.apply(a, patch, DEPLOYMENT), b);
    }

    /**
     * Exact, except the order of merge lists of primitives (finalizers): as in apimachinery, a
     * reorder that leaves such a list sorted is not patched (the Go code compares against the
     * original sorted in place), and upstream's own tests compare with merge lists sorted.
     */
    private static void assertEqualUpToPrimitiveOrder(String what, JsonNode actual, JsonNode expected) {
        assertJsonEquals(what, MergeListSorting.sortPrimitiveLists(actual, DEPLOYMENT),
                MergeListSorting.sortPrimitiveLists(expected, DEPLOYMENT));
    }

    @Property(tries = 200)
    void jsonMergePatchRoundTrips(@ForAll("deployments") ObjectNode a, @ForAll("deployments") ObjectNode b) {
        assertJsonEquals("merge", JsonMergePatch.apply(a, JsonMergePatch.create(a, b)), b);
    }

    @Property(tries = 200)
    void jsonPatchRoundTrips(@ForAll("deployments") ObjectNode a, @ForAll("deployments") ObjectNode b) {
        assertJsonEquals("json patch", JsonPatch.apply(a, JsonPatch.create(a, b)), b);
    }

    @Property(tries = 200)
    void aDiffOfAnObjectWithItselfIsEmpty(@ForAll("deployments") ObjectNode a) {
        DiffResult r = Diff.threeWay(a, a, a);
        assertThat(r.modified()).isFalse();
        assertThat(r.changes()).isEmpty();
        assertThat(Diff.twoWay(a, a).changes()).isEmpty();
    }

    @Property(tries = 200)
    void normalisationIsIdempotent(@ForAll("deployments") ObjectNode a) {
        ObjectNode once = KubernetesObjects.serverDefaulted(a);
        DefaultNormalisation.normalise(once, DEPLOYMENT.lenient().node());
        ObjectNode twice = once.deepCopy();
        DefaultNormalisation.normalise(twice, DEPLOYMENT.lenient().node());
        assertJsonEquals("normalise(normalise(x))", twice, once);
    }

    @Property(tries = 200)
    void aServerDefaultedLiveObjectShowsNoDifference(@ForAll("deployments") ObjectNode a) {
        DiffResult r = Diff.threeWay(a, a, KubernetesObjects.serverDefaulted(a));
        assertThat(r.changes()).isEmpty();
        assertThat(r.modified()).isFalse();
    }

    @Property(tries = 200)
    void diffIsModifiedExactlyWhenTheDesiredStateChanged(@ForAll("deployments") ObjectNode a,
            @ForAll("deployments") ObjectNode b) {
        DiffResult r = Diff.threeWay(a, b, KubernetesObjects.serverDefaulted(a));
        ObjectNode expectedLive = KubernetesObjects.serverDefaulted(b);
        boolean same = !Diff.threeWay(b, b, expectedLive).modified() && JsonMergePatch.create(a, b).isEmpty();
        if (same) {
            assertThat(r.modified()).isFalse();
        }
        if (r.modified()) {
            assertThat(r.changes()).isNotEmpty();
        }
    }

    @Provide
    Arbitrary<JsonNode> junk() {
        Arbitrary<String> keys = Arbitraries.of("spec", "$patch", "containers", "$setElementOrder/containers",
                "$retainKeys", "$deleteFromPrimitiveList/args", "name", "args", "env", "replicas", "template");
        Arbitrary<JsonNode> leaves = Arbitraries.oneOf(
                Arbitraries.of("delete", "replace", "merge", "x").map(s -> (JsonNode) DiffTestNodes.text(s)),
                Arbitraries.integers().between(-2, 3).map(i -> (JsonNode) DiffTestNodes.number(i)),
                Arbitraries.just(DiffTestNodes.nul()));
        return Arbitraries.recursive(() -> leaves, inner -> Arbitraries.oneOf(
                Arbitraries.maps(keys, inner).ofMaxSize(4).map(DiffTestNodes::object),
                inner.list().ofMaxSize(3).map(DiffTestNodes::array)), 4);
    }

    @Property(tries = 500)
    void malformedPatchesFailOnlyWithDiffExceptionsAndLeaveInputsAlone(@ForAll("deployments") ObjectNode a,
            @ForAll("junk") JsonNode patch) {
        ObjectNode before = a.deepCopy();
        JsonNode patchBefore = patch.deepCopy();
        try {
            StrategicMerge.apply(a, patch, DEPLOYMENT);
        } catch (DiffException expected) {
            assertThat(expected.getMessage()).startsWith(expected.operation());
        }
        try {
            StrategicMerge.createThreeWay(patch, a, a, DEPLOYMENT, false);
        } catch (DiffException expected) {
            assertThat(expected.operation()).isNotEmpty();
        }
        assertJsonEquals("input untouched", a, before);
        assertJsonEquals("patch untouched", patch, patchBefore);
    }
}
