package dev.kelpie.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.core.KelpieException;
import dev.kelpie.core.model.Resource;
import java.util.Base64;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Junk in, only Kelpie's exceptions out: never an NPE, ClassCastException or Jackson exception. */
class JunkInputProperties {
    private static final SealedSecrets SS = SealedSecrets.defaults();

    @Provide
    Arbitrary<JsonNode> junk() {
        Arbitrary<JsonNode> scalars = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40).map(s -> (JsonNode) JsonNodeFactory.instance.textNode(s)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(600)
                        .map(b -> (JsonNode) JsonNodeFactory.instance.textNode(Base64.getEncoder().encodeToString(b))),
                Arbitraries.integers().map(i -> (JsonNode) JsonNodeFactory.instance.numberNode(i)),
                Arbitraries.of(true, false).map(b -> (JsonNode) JsonNodeFactory.instance.booleanNode(b)),
                Arbitraries.just(JsonNodeFactory.instance.nullNode()),
                Arbitraries.just(JsonNodeFactory.instance.arrayNode().add("x")));
        return scalars;
    }

    @Property(tries = 60)
    void junkSealedSecretsFailWithOurExceptionsOnly(@ForAll("junk") JsonNode value, @ForAll("paths") String path) {
        ObjectNode tree = SS.seal(SealedSecretsTest.secret(), TestKeys.oldCert(), SealOptions.defaults()).object();
        set(tree, path, value);
        try {
            Resource r = Resource.of(tree);
            SS.unseal(r, TestKeys.both());
            SS.validate(r, TestKeys.both());
        } catch (KelpieException expected) {
            assertThat(expected.getMessage()).doesNotContain(SealedSecretsTest.PASSWORD);
        }
    }

    @Property(tries = 60)
    void junkSecretsAreRefusedWithOurExceptionsOnly(@ForAll("junk") JsonNode value, @ForAll("secretPaths") String path) {
        ObjectNode tree = SealedSecretsTest.secret().deepCopy();
        set(tree, path, value);
        try {
            SS.seal(tree, TestKeys.oldCert(), SealOptions.defaults());
        } catch (KelpieException expected) {
            assertThat(expected).isInstanceOf(SecretsException.class);
        }
    }

    @Property(tries = 60)
    void junkPemIsRefusedWithOurExceptionOnly(@ForAll byte[] bytes, @ForAll boolean wrap) {
        byte[] pem = wrap ? ("-----BEGIN RSA PRIVATE KEY-----\n" + Base64.getEncoder().encodeToString(bytes)
                + "\n-----END RSA PRIVATE KEY-----\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII) : bytes;
        try {
            UnsealingKey.parsePem(pem, "junk");
        } catch (InvalidKeyMaterialException expected) {
            assertThat(expected.source()).isEqualTo("junk");
        }
        try {
            SealingKey.parsePem(pem, "junk");
        } catch (InvalidKeyMaterialException expected) {
            assertThat(expected.source()).isEqualTo("junk");
        }
    }

    @Provide
    Arbitrary<String> paths() {
        return Arbitraries.of("spec", "spec.encryptedData", "spec.encryptedData.password", "spec.template",
                "spec.template.metadata", "spec.template.data", "spec.template.data.x", "spec.template.type",
                "spec.data", "metadata.annotations", "metadata.uid", "spec.template.metadata.annotations");
    }

    @Provide
    Arbitrary<String> secretPaths() {
        return Arbitraries.of("data", "data.username", "stringData", "stringData.password", "metadata.annotations",
                "metadata.namespace", "type", "immutable", "metadata.labels");
    }

    private static void set(ObjectNode tree, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        ObjectNode node = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = node.get(parts[i]);
            if (next == null || !next.isObject()) {
                next = node.putObject(parts[i]);
            }
            node = (ObjectNode) next;
        }
        node.set(parts[parts.length - 1], value);
    }

}
