package dev.kelpie.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelpie.core.model.Manifests;
import dev.kelpie.core.model.Resource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's example, verbatim apart from the fixtures. */
class ReadmeExampleTest {
    @TempDir
    Path dir;

    @Test
    void readmeExampleRuns() throws Exception {
        Files.write(dir.resolve("tls.crt"), TestKeys.oldCert().certificatePem());
        Files.write(dir.resolve("tls.key"), TestKeys.old().privateKeyPkcs1Pem());
        Resource secret = Resource.of(SealedSecretsTest.secret());
        byte[] bytes = "value".getBytes(StandardCharsets.UTF_8);
        Manifests manifests = Manifests.of(SealedSecrets.defaults().seal(secret, TestKeys.oldCert()));
        Path tlsCrt = dir.resolve("tls.crt");
        Path tlsKey = dir.resolve("tls.key");

        SealedSecrets ss = SealedSecrets.defaults();                       // build once, share
        SealingKey cert = SealingKey.read(tlsCrt);                          // kubeseal --cert
        Resource sealed = ss.seal(secret, cert);                            // strict scope, kubeseal's shape
        String raw = ss.sealRaw(bytes, cert, Scope.NAMESPACE_WIDE, "team-a", "");   // kubeseal --raw

        KeyRing ring = KeyRing.of(UnsealingKey.read(tlsKey, tlsCrt));       // PKCS#1 or PKCS#8 PEM
        Resource plain = ss.unseal(sealed, ring);                           // the controller's Secret
        Resource rotated = ss.reseal(sealed, ring);                         // kubeseal --re-encrypt, offline
        boolean ok = ss.validate(sealed, ring).isUnsealable();              // kubeseal --validate, offline
        Manifests rendered = SealedSecretsTransformer.builder(ring).build().apply(manifests);

        assertThat(plain.kind()).isEqualTo("Secret");
        assertThat(ok).isTrue();
        assertThat(ss.validate(rotated, ring).isUnsealable()).isTrue();
        assertThat(ss.unsealRaw(raw, ring, Scope.NAMESPACE_WIDE, "team-a", "x")).isEqualTo(bytes);
        assertThat(rendered.ids()).extracting(id -> id.kind()).containsExactly("Secret");
    }
}
