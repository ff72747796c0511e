package dev.kelpie.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.core.model.Resource;
import dev.kelpie.core.yaml.YamlCodec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SealedSecretsTest {
    static final String PASSWORD = "s3cr3t-Pa55w0rd-xyzzy";
    static final SealedSecrets SS = SealedSecrets.defaults();
    static final YamlCodec YAML = YamlCodec.defaults();

    static JsonNode secret(String namespaceLine, String extraMetadata) {
        return YAML.readDocuments("secret.yaml", """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: db
                %s%s
                type: Opaque
                data:
                  username: %s
                stringData:
                  password: %s
                """.formatted(namespaceLine, extraMetadata, b64("admin"), PASSWORD)).get(0).tree();
    }

    static JsonNode secret() {
        return secret("  namespace: team-a\n", "");
    }

    static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    static String data(Resource secret, String key) {
        return new String(Base64.getDecoder().decode(secret.unsafeTree().path("data").path(key).asText()), StandardCharsets.UTF_8);
    }

    static Resource sealed(Scope scope) {
        return SS.seal(secret(), TestKeys.oldCert(), SealOptions.builder().scope(scope).build());
    }

    static Resource edit(Resource r, java.util.function.Consumer<ObjectNode> change) {
        return r.edit(change);
    }

    @Nested
    class Seal {
        @Test
        void writesKubesealsShape() {
            Resource s = SS.seal(secret("  namespace: team-a\n", """
                      labels: {app: web}
                      annotations:
                        kubectl.kubernetes.io/last-applied-configuration: '{"leak": true}'
                        owner: team-a
                      uid: 1234
                      resourceVersion: "7"
                    """.stripTrailing()), TestKeys.oldCert(), SealOptions.defaults());
            ObjectNode t = s.unsafeTree();
            assertThat(t.path("apiVersion").asText()).isEqualTo("bitnami.com/v1alpha1");
            assertThat(t.path("kind").asText()).isEqualTo("SealedSecret");
            assertThat(t.path("metadata").path("annotations").isMissingNode()).isTrue();
            assertThat(t.path("metadata").path("creationTimestamp").isNull()).isTrue();
            JsonNode tmd = t.path("spec").path("template").path("metadata");
            assertThat(tmd.path("labels").path("app").asText()).isEqualTo("web");
            assertThat(tmd.path("annotations").has("kubectl.kubernetes.io/last-applied-configuration")).isFalse();
            assertThat(tmd.path("annotations").path("owner").asText()).isEqualTo("team-a");
            assertThat(tmd.has("uid") || tmd.has("resourceVersion")).isFalse();
            assertThat(t.path("spec").path("template").path("type").asText()).isEqualTo("Opaque");
            assertThat(t.path("spec").path("encryptedData").path("password").asText()).startsWith("AQ"); // 2048-bit prefix 01 00
            assertThat(s.toString() + YAML.write(t)).doesNotContain(PASSWORD);
        }

        @Test
        void scopeOptionRewritesAnnotationsOnTopAndInTheTemplate() {
            ObjectNode t = sealed(Scope.NAMESPACE_WIDE).unsafeTree();
            assertThat(t.path("metadata").path("annotations").path(Scope.NAMESPACE_WIDE_ANNOTATION).asText()).isEqualTo("true");
            assertThat(t.path("spec").path("template").path("metadata").path("annotations").path(Scope.NAMESPACE_WIDE_ANNOTATION).asText())
                    .isEqualTo("true");
        }

        @Test
        void refusesWhatKubesealRefuses() {
            assertThatThrownBy(() -> SS.seal(secret("", ""), TestKeys.oldCert(), SealOptions.defaults()))
                    .isInstanceOfSatisfying(SealRefusedException.class, e -> assertThat(e.reason()).isEqualTo(SealRefusedException.Reason.MISSING_NAMESPACE));
            assertThatThrownBy(() -> SS.seal(secret(), TestKeys.oldCert(), SealOptions.builder().namespace("other").build()))
                    .isInstanceOfSatisfying(SealRefusedException.class, e -> assertThat(e.reason()).isEqualTo(SealRefusedException.Reason.NAMESPACE_MISMATCH))
                    .hasMessageContaining("team-a").hasMessageContaining("other");
            JsonNode empty = YAML.readDocuments("e", "apiVersion: v1\nkind: Secret\nmetadata: {name: x, namespace: y}\n").get(0).tree();
            assertThatThrownBy(() -> SS.seal(empty, TestKeys.oldCert(), SealOptions.defaults()))
                    .isInstanceOfSatisfying(SealRefusedException.class, e -> assertThat(e.reason()).isEqualTo(SealRefusedException.Reason.EMPTY_DATA));
            assertThat(SS.seal(empty, TestKeys.oldCert(), SealOptions.builder().allowEmptyData(true).build())
                    .unsafeTree().path("spec").path("encryptedData").isEmpty()).isTrue();
            JsonNode cm = YAML.readDocuments("c", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n").get(0).tree();
            assertThatThrownBy(() -> SS.seal(cm, TestKeys.oldCert(), SealOptions.defaults())).isInstanceOf(SealRefusedException.class);
        }

        @Test
        void nameAndNamespaceOptionsFillTheSecret() {
            Resource s = SS.seal(secret("", ""), TestKeys.oldCert(), SealOptions.builder().name("renamed").namespace("ns").build());
            assertThat(s.name()).isEqualTo("renamed");
            assertThat(s.namespace()).isEqualTo("ns");
            assertThat(data(SS.unseal(s, TestKeys.both()), "password")).isEqualTo(PASSWORD);
        }

        @Test
        void rawValuesOpenOnlyForTheirScope() {
            String raw = SS.sealRaw(PASSWORD.getBytes(StandardCharsets.UTF_8), TestKeys.oldCert(), Scope.NAMESPACE_WIDE, "team-a", "");
            assertThat(raw).doesNotContain("\n");
            assertThat(SS.unsealRaw(raw, TestKeys.both(), Scope.NAMESPACE_WIDE, "team-a", "any-name")).asString(StandardCharsets.UTF_8)
                    .isEqualTo(PASSWORD);
            assertThatThrownBy(() -> SS.unsealRaw(raw, TestKeys.both(), Scope.STRICT, "team-a", "x")).isInstanceOf(WrongScopeException.class);
            assertThatThrownBy(() -> SS.sealRaw(new byte[1], TestKeys.oldCert(), Scope.STRICT, "team-a", ""))
                    .isInstanceOf(SealRefusedException.class).hasMessageContaining("--name");
        }
    }

    @Nested
    class Unseal {
        @Test
        void buildsTheControllersSecret() {
            Resource sealed = edit(sealed(Scope.STRICT), t -> ((ObjectNode) t.get("metadata")).put("uid", "u-1"));
            Resource secret = SS.unseal(sealed, TestKeys.both());
            assertThat(secret.id().toString()).isEqualTo("Secret team-a/db");
            assertThat(data(secret, "password")).isEqualTo(PASSWORD);
            assertThat(data(secret, "username")).isEqualTo("admin");
            JsonNode ref = secret.unsafeTree().path("metadata").path("ownerReferences").get(0);
            assertThat(ref.path("kind").asText()).isEqualTo("SealedSecret");
            assertThat(ref.path("uid").asText()).isEqualTo("u-1");
            assertThat(ref.path("controller").asBoolean()).isTrue();
            assertThat(secret.unsafeTree().path("type").asText()).isEqualTo("Opaque");
            assertThat(secret.unsafeTree().has("stringData")).isFalse();
        }

        @Test
        void scopesBindTheNameAndNamespace() {
            Resource strict = sealed(Scope.STRICT);
            assertThatThrownBy(() -> SS.unseal(edit(strict, t -> ((ObjectNode) t.get("metadata")).put("name", "other")), TestKeys.both()))
                    .isInstanceOf(UnknownKeyException.class).hasMessageContaining("password").hasMessageContaining("username");
            Resource nswide = sealed(Scope.NAMESPACE_WIDE);
            assertThat(data(SS.unseal(edit(nswide, t -> ((ObjectNode) t.get("metadata")).put("name", "other")), TestKeys.both()), "password"))
                    .isEqualTo(PASSWORD);
            Resource cluster = sealed(Scope.CLUSTER_WIDE);
            assertThat(SS.unseal(edit(cluster, t -> ((ObjectNode) t.get("metadata")).put("namespace", "elsewhere")), TestKeys.both()).namespace())
                    .isEqualTo("elsewhere");
        }

        @Test
        void aRemovedScopeAnnotationIsReportedAsWrongScope() {
            Resource nswide = sealed(Scope.NAMESPACE_WIDE);
            Resource stripped = edit(nswide, t -> ((ObjectNode) t.get("metadata")).remove("annotations"));
            assertThatThrownBy(() -> SS.unseal(stripped, TestKeys.both()))
                    .isInstanceOfSatisfying(WrongScopeException.class, e -> {
                        assertThat(e.failures()).extracting(ItemFailure::reason).containsOnly(ItemFailure.Reason.WRONG_SCOPE);
                        assertThat(e.getMessage()).contains("namespace-wide").doesNotContain(PASSWORD);
                    });
        }

        @Test
        void oneTamperedItemFailsTheWholeSecret() {
            Resource sealed = sealed(Scope.STRICT);
            Resource tampered = edit(sealed, t -> {
                ObjectNode ed = (ObjectNode) t.path("spec").path("encryptedData");
                byte[] blob = Base64.getDecoder().decode(ed.get("password").asText());
                blob[blob.length - 1] ^= 1;
                ed.put("password", Base64.getEncoder().encodeToString(blob));
            });
            assertThatThrownBy(() -> SS.unseal(tampered, TestKeys.both()))
                    .isInstanceOfSatisfying(TamperedException.class, e -> {
                        assertThat(e.failures()).extracting(ItemFailure::item).containsExactly("password");
                        assertThat(e.object()).isEqualTo("SealedSecret team-a/db");
                    });
            assertThat(SS.validate(tampered, TestKeys.both())).isInstanceOf(Validation.NotUnsealable.class);
            assertThat(SS.validate(sealed, TestKeys.both())).isEqualTo(new Validation.Unsealable("SealedSecret team-a/db",
                    java.util.List.of("password", "username")));
        }

        @Test
        void badBase64AndUnknownKeysAreNamed() {
            Resource bad = edit(sealed(Scope.STRICT), t -> ((ObjectNode) t.path("spec").path("encryptedData")).put("username", "AgA-_"));
            assertThatThrownBy(() -> SS.unseal(bad, TestKeys.both())).isInstanceOf(MalformedSealedSecretException.class)
                    .hasMessageContaining("username: malformed");
            assertThatThrownBy(() -> SS.unseal(sealed(Scope.STRICT), KeyRing.of(TestKeys.newer()))).isInstanceOf(UnknownKeyException.class);
        }

        @Test
        void templateDataIsRenderedOverTheItems() {
            Resource s = edit(sealed(Scope.STRICT), t -> ((ObjectNode) t.path("spec").path("template")).putObject("data")
                    .put("config.json", "{\"user\": {{ toJson .username }}, \"pw\": {{ index . \"password\" | quote }}}")
                    .put("static", "plain text"));
            Resource secret = SS.unseal(s, TestKeys.both());
            assertThat(data(secret, "config.json")).isEqualTo("{\"user\": \"admin\", \"pw\": \"" + PASSWORD + "\"}");
            assertThat(data(secret, "static")).isEqualTo("plain text");
            Resource unsupported = edit(s, t -> ((ObjectNode) t.path("spec").path("template").path("data")).put("x", "{{ range . }}{{ end }}"));
            assertThatThrownBy(() -> SS.unseal(unsupported, TestKeys.both())).isInstanceOf(MalformedSealedSecretException.class)
                    .hasMessageContaining("spec.template.data.x").hasMessageNotContaining(PASSWORD);
        }

        @Test
        void skipsTheOwnerReferenceWhenTheTemplateSaysSo() {
            Resource s = sealed(Scope.STRICT).edit(t -> ((ObjectNode) t.path("spec").path("template").path("metadata"))
                    .putObject("annotations").put("sealedsecrets.bitnami.com/skip-set-owner-references", "true"));
            assertThat(SS.unseal(s, TestKeys.both()).unsafeTree().path("metadata").has("ownerReferences")).isFalse();
        }
    }

    @Nested
    class ResealAndMerge {
        @Test
        void resealMovesEveryItemToTheActiveKeyKeepingTheScope() {
            Resource old = sealed(Scope.NAMESPACE_WIDE);
            Resource rotated = SS.reseal(old, TestKeys.both());
            assertThat(rotated.unsafeTree().path("metadata")).isEqualTo(old.unsafeTree().path("metadata"));
            assertThat(rotated.unsafeTree().path("spec").path("template")).isEqualTo(old.unsafeTree().path("spec").path("template"));
            KeyRing newOnly = KeyRing.of(TestKeys.newer());
            assertThat(data(SS.unseal(rotated, newOnly), "password")).isEqualTo(PASSWORD);
            assertThatThrownBy(() -> SS.unseal(old, newOnly)).isInstanceOf(UnknownKeyException.class);
        }

        @Test
        void mergeIntoAddsItemsWithTheExistingScopeAndIdentity() {
            Resource existing = sealed(Scope.NAMESPACE_WIDE);
            JsonNode extra = YAML.readDocuments("extra", """
                    apiVersion: v1
                    kind: Secret
                    metadata: {name: whatever, labels: {tier: db}}
                    stringData: {token: abc, password: changed}
                    """).get(0).tree();
            Resource merged = SS.mergeInto(existing, extra, TestKeys.oldCert(), SealOptions.defaults());
            assertThat(merged.id()).isEqualTo(existing.id());
            assertThat(merged.unsafeTree().path("spec").path("template").path("metadata").path("labels").path("tier").asText()).isEqualTo("db");
            Resource secret = SS.unseal(merged, TestKeys.both());
            assertThat(data(secret, "token")).isEqualTo("abc");
            assertThat(data(secret, "password")).isEqualTo("changed");
            assertThat(data(secret, "username")).isEqualTo("admin");
        }
    }
}
