package dev.kelpie.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kelpie.core.model.Resource;
import dev.kelpie.core.yaml.YamlCodec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class KeysTest {
    private static final byte[] NOT_PEM = "hello".getBytes(StandardCharsets.US_ASCII);

    @Test
    void generatesAControllerStyleRsa4096KeyWithATenYearCertificate() {
        UnsealingKey key = UnsealingKey.generate();
        SealingKey cert = key.certificate().orElseThrow();
        assertThat(key.bits()).isEqualTo(4096);
        assertThat(key.publicKey().getPublicExponent().intValue()).isEqualTo(65537);
        assertThat(cert.subject()).isEmpty();
        assertThat(Duration.between(cert.notBefore(), cert.notAfter())).isEqualTo(UnsealingKey.DEFAULT_VALIDITY);
        assertThat(cert.fingerprint()).isEqualTo(key.fingerprint()).startsWith("SHA256:").doesNotEndWith("=");
    }

    @Test
    void pemRoundTripsThroughPkcs1AndPkcs8() {
        UnsealingKey key = TestKeys.old();
        byte[] pkcs1 = key.privateKeyPkcs1Pem();
        byte[] pkcs8 = key.privateKeyPkcs8Pem();
        assertThat(new String(pkcs1, StandardCharsets.US_ASCII)).startsWith("-----BEGIN RSA PRIVATE KEY-----\n");
        assertThat(new String(pkcs8, StandardCharsets.US_ASCII)).startsWith("-----BEGIN PRIVATE KEY-----\n");
        assertThat(UnsealingKey.parsePem(pkcs1, "pkcs1").fingerprint()).isEqualTo(key.fingerprint());
        assertThat(UnsealingKey.parsePem(pkcs8, "pkcs8").privateKey()).isEqualTo(key.privateKey());
        SealingKey cert = SealingKey.parsePem(key.certificate().orElseThrow().certificatePem(), "cert");
        assertThat(cert).isEqualTo(key.certificate().orElseThrow());
        assertThat(UnsealingKey.parsePem(pkcs1, cert.certificatePem(), "both").certificate()).contains(cert);
    }

    @Test
    void controllerKeySecretRoundTrips() {
        Resource secret = ControllerKeySecret.write(TestKeys.newer(), "kube-system");
        assertThat(secret.unsafeTree().path("type").asText()).isEqualTo("kubernetes.io/tls");
        assertThat(secret.labels()).containsEntry(ControllerKeySecret.KEY_LABEL, "active");
        String tlsKey = new String(Base64.getDecoder().decode(secret.unsafeTree().path("data").path("tls.key").asText()),
                StandardCharsets.US_ASCII);
        assertThat(tlsKey).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        List<UnsealingKey> read = ControllerKeySecret.read(List.of(secret));
        assertThat(read).containsExactly(TestKeys.newer());
        assertThat(read.get(0).certificate()).isPresent();
    }

    @Test
    void refusesJunkAndMismatchedCertificates() {
        assertThatThrownBy(() -> UnsealingKey.parsePem(NOT_PEM, "junk.pem"))
                .isInstanceOf(InvalidKeyMaterialException.class).hasMessageStartingWith("junk.pem: ");
        assertThatThrownBy(() -> SealingKey.parsePem(TestKeys.old().privateKeyPkcs1Pem(), "key.pem"))
                .isInstanceOf(InvalidKeyMaterialException.class).hasMessageContaining("no PEM CERTIFICATE");
        assertThatThrownBy(() -> UnsealingKey.parsePem(TestKeys.old().privateKeyPkcs8Pem(),
                TestKeys.newer().certificate().orElseThrow().certificatePem(), "pair"))
                .isInstanceOf(InvalidKeyMaterialException.class).hasMessageContaining("does not belong");
    }

    @Test
    void expiredCertificatesAreRefusedForSealing() {
        Clock past = Clock.fixed(Instant.now().minus(Duration.ofDays(10)), java.time.ZoneOffset.UTC);
        UnsealingKey key = UnsealingKey.generate(2048, "", Duration.ofDays(1), past, new SecureRandom());
        SealingKey cert = key.certificate().orElseThrow();
        assertThat(cert.isExpired(Clock.systemUTC())).isTrue();
        assertThatThrownBy(() -> SealedSecrets.defaults().sealRaw(new byte[] {1}, cert, Scope.CLUSTER_WIDE, "", ""))
                .isInstanceOf(ExpiredCertificateException.class).hasMessageContaining(cert.fingerprint());
        assertThatThrownBy(() -> KeyRing.of(key).sealingKey(Clock.systemUTC())).isInstanceOf(ExpiredCertificateException.class);
    }

    @Test
    void theNewestCertificateIsActiveAndToStringShowsNoKeyMaterial() {
        KeyRing ring = KeyRing.of(TestKeys.old(), TestKeys.newer(), TestKeys.old());
        assertThat(ring.size()).isEqualTo(2);
        assertThat(ring.active()).contains(TestKeys.newer());
        assertThat(ring.withActive(TestKeys.old().fingerprint()).active()).contains(TestKeys.old());
        String modulus = TestKeys.old().privateKey().getPrivateExponent().toString(16);
        assertThat(ring.toString() + TestKeys.old() + TestKeys.oldCert()).doesNotContain(modulus.substring(0, 16))
                .contains(TestKeys.old().fingerprint());
    }

    @Test
    void fingerprintsMatchTheVectorIndex() throws Exception {
        Path dir = SealedSecretsConformanceTest.vectorsDir();
        Assumptions.assumeTrue(dir != null && Files.isRegularFile(dir.resolve("index.json")), "vectors not found");
        JsonNode keys = new ObjectMapper().readTree(dir.resolve("index.json").toFile()).get("keys");
        int checked = 0;
        for (var it = keys.fields(); it.hasNext(); ) {
            JsonNode k = it.next().getValue();
            if (!k.has("fingerprint")) {
                continue;
            }
            UnsealingKey key = UnsealingKey.read(dir.resolve(k.get("private_pkcs1").asText()));
            SealingKey cert = SealingKey.read(dir.resolve(k.get("cert").asText()));
            assertThat(key.fingerprint()).isEqualTo(k.get("fingerprint").asText());
            assertThat(cert.fingerprint()).isEqualTo(k.get("fingerprint").asText());
            assertThat(cert.notAfter()).isEqualTo(java.time.OffsetDateTime.parse(k.get("not_after").asText()).toInstant());
            List<Resource> backup = YamlCodec.defaults().readResources("secret", Files.readString(dir.resolve(k.get("controller_secret").asText())));
            assertThat(ControllerKeySecret.read(backup).get(0).fingerprint()).isEqualTo(key.fingerprint());
            checked++;
        }
        assertThat(checked).isPositive();
    }
}
