package dev.kelpie.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.core.model.Manifests;
import dev.kelpie.core.model.Resource;
import dev.kelpie.core.model.ResourceId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SealedSecretsTransformerTest {
    private static final SealedSecrets SS = SealedSecrets.defaults();

    private static Manifests manifests(int n) {
        List<Resource> rs = new ArrayList<>();
        rs.add(Resource.of(SealedSecretsTest.YAML.readDocuments("cm", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg, namespace: team-a}\n")
                .get(0).tree()));
        for (int i = 0; i < n; i++) {
            String name = "db-" + i;
            rs.add(SS.seal(SealedSecretsTest.secret(), TestKeys.oldCert(), SealOptions.builder().name(name).build()));
        }
        return Manifests.of(rs);
    }

    @Test
    void replacesSealedSecretsInPlaceAndTheSecondPassCostsNoRsaOperation() {
        Manifests in = manifests(5);
        SealedSecretsTransformer t = SealedSecretsTransformer.builder(TestKeys.both()).build();
        Manifests out = t.apply(in);
        assertThat(out.ids()).extracting(ResourceId::kind).containsExactly("ConfigMap", "Secret", "Secret", "Secret", "Secret", "Secret");
        assertThat(out.ids().get(1).name()).isEqualTo("db-0");
        assertThat(SealedSecretsTest.data(out.list().get(1), "password")).isEqualTo(SealedSecretsTest.PASSWORD);
        long first = t.rsaPrivateOperations();
        assertThat(first).isGreaterThanOrEqualTo(10); // 5 objects x 2 items, at least one RSA operation each
        assertThat(t.apply(in)).isEqualTo(out);
        assertThat(t.rsaPrivateOperations()).isEqualTo(first);
        assertThat(t.cachedItems()).isEqualTo(10);
    }

    @Test
    void aChangedItemCostsOnlyItsOwnRsaOperation() {
        Manifests in = manifests(3);
        SealedSecretsTransformer t = SealedSecretsTransformer.builder(KeyRing.of(TestKeys.old())).build();
        t.apply(in);
        long first = t.rsaPrivateOperations();
        Resource resealed = SS.seal(SealedSecretsTest.secret(), TestKeys.oldCert(), SealOptions.builder().name("db-1").build());
        ObjectNode tree = in.get(resealed.id()).orElseThrow().object();
        ((ObjectNode) tree.path("spec").path("encryptedData")).set("password", resealed.unsafeTree().path("spec").path("encryptedData").get("password"));
        t.apply(in.with(Resource.of(tree)));
        assertThat(t.rsaPrivateOperations()).isEqualTo(first + 1);
    }

    @Test
    void aSealedSecretThatDoesNotUnsealStaysInPlaceAndIsReported() {
        Manifests in = manifests(2);
        SealedSecretsTransformer t = SealedSecretsTransformer.builder(KeyRing.of(TestKeys.newer())).build();
        TransformResult r = t.transform(in);
        assertThat(r.manifests()).isEqualTo(in);
        assertThat(r.failures()).hasSize(2);
        assertThat(r.failures().get(0).cause()).isInstanceOf(UnknownKeyException.class);
        assertThat(r.failures().get(0).cause().getMessage()).doesNotContain(SealedSecretsTest.PASSWORD);
    }

    @Test
    void anUnmanagedSecretOfTheSameNameIsNotOverwritten() {
        Resource sealed = SS.seal(SealedSecretsTest.secret(), TestKeys.oldCert(), SealOptions.defaults());
        Resource plain = Resource.of(SealedSecretsTest.YAML.readDocuments("s", "apiVersion: v1\nkind: Secret\nmetadata: {name: db, namespace: team-a}\n")
                .get(0).tree());
        SealedSecretsTransformer t = SealedSecretsTransformer.builder(TestKeys.both()).build();
        TransformResult r = t.transform(Manifests.of(sealed, plain));
        assertThat(r.failures()).singleElement().satisfies(f -> assertThat(f.cause().getMessage()).contains("not managed"));
        TransformResult managed = t.transform(Manifests.of(sealed, plain.withAnnotation(SealedSecretsTransformer.MANAGED_ANNOTATION, "true")));
        assertThat(managed.failures()).isEmpty();
        assertThat(managed.manifests().size()).isEqualTo(1);
        assertThat(SealedSecretsTest.data(managed.manifests().list().get(0), "username")).isEqualTo("admin");
    }
}
