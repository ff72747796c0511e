package dev.kelpie.testkit.internal.ssa;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.core.model.Resource;
import dev.kelpie.testkit.KelpieArbitraries;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class FieldOwnershipPropertiesTest {
    private static final FieldOwnership OWNERSHIP = new FieldOwnership(KubernetesShape.root());

    @Provide
    Arbitrary<Resource> resources() {
        return KelpieArbitraries.resources();
    }

    @Property(tries = 100)
    void fieldsV1RoundTrips(@ForAll("resources") Resource r) {
        FieldSet set = TypedOps.toFieldSet(KubernetesShape.root(), r.unsafeTree());
        assertThat(FieldSet.fromFieldsV1(set.toFieldsV1())).isEqualTo(set);
    }

    @Property(tries = 100)
    void setAlgebra(@ForAll("resources") Resource a, @ForAll("resources") Resource b) {
        FieldSet x = TypedOps.toFieldSet(KubernetesShape.root(), a.unsafeTree());
        FieldSet y = TypedOps.toFieldSet(KubernetesShape.root(), b.unsafeTree());
        assertThat(x.difference(x).isEmpty()).isTrue();
        assertThat(x.union(y).intersection(x)).isEqualTo(x);
        assertThat(x.union(y).difference(y).union(y)).isEqualTo(x.union(y));
        assertThat(x.intersection(y)).isEqualTo(y.intersection(x));
    }

    @Property(tries = 100)
    void applyingTwiceIsApplyingOnce(@ForAll("resources") Resource r) {
        ObjectNode config = r.object();
        FieldOwnership.Outcome once = OWNERSHIP.apply(null, config, "v1", Map.of(), "m", false);
        FieldOwnership.Outcome twice = OWNERSHIP.apply(once.object(), config, "v1", once.managers(), "m", false);
        assertThat(JsonValues.same(twice.object(), once.object())).isTrue();
        assertThat(twice.managers()).isEqualTo(once.managers());
        assertThat(twice.changed()).isFalse();
    }

    @Property(tries = 60)
    void anApplierOwnsExactlyWhatItSets(@ForAll("resources") Resource r) {
        FieldOwnership.Outcome out = OWNERSHIP.apply(null, r.object(), "v1", Map.of(), "m", false);
        assertThat(out.managers().get("m").set()).isEqualTo(TypedOps.toFieldSet(KubernetesShape.root(), r.unsafeTree()));
        assertThat(JsonValues.same(out.object(), r.unsafeTree())).isTrue();
    }
}
