package dev.kelpie.core.plan;

import static dev.kelpie.core.plan.Objects.cm;
import static dev.kelpie.core.plan.Objects.obj;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kelpie.core.model.Manifests;
import dev.kelpie.core.model.Resource;
import java.util.List;
import org.junit.jupiter.api.Test;

class InventoryTest {
    @Test
    void applySetIdIsKubectls() {
        // kubectl: base64url(sha256("<name>.<namespace>.<kind>.<group>")), no padding
        ApplySetParent parent = new ApplySetParent("kelpie-shop", "app");
        assertThat(parent.id()).startsWith("applyset-").endsWith("-v1").hasSize("applyset-".length() + 43 + 3);
    }

    @Test
    void readsMembersBackFromTheParentAndLabels() {
        ApplySetParent parent = ApplySetParent.forApplication("shop", "app");
        Resource a = cm("a", "1").withLabel(SyncAnnotations.APPLYSET_PART_OF, parent.id());
        Resource d = obj("apps/v1", "Deployment", "other", "web").withLabel(SyncAnnotations.APPLYSET_PART_OF, parent.id());
        Resource stranger = cm("b", "1");
        Resource unlisted = obj("v1", "Secret", "app", "s").withLabel(SyncAnnotations.APPLYSET_PART_OF, parent.id());
        Resource p = parent.toResource(List.of(a.id(), d.id()));
        assertThat(p.annotations().get(SyncAnnotations.APPLYSET_GROUP_KINDS)).isEqualTo("ConfigMap,Deployment.apps");
        assertThat(p.annotations().get(SyncAnnotations.APPLYSET_NAMESPACES)).isEqualTo("other");
        Inventory inv = Inventory.fromApplySet(p, Manifests.of(a, d, stranger, unlisted));
        assertThat(inv.members()).containsExactlyInAnyOrder(a.id(), d.id());
        assertThat(inv.applySetId()).isEqualTo(parent.id());
    }
}
