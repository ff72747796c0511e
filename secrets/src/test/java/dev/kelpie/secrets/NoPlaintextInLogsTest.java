package dev.kelpie.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.core.model.Manifests;
import dev.kelpie.core.model.Resource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Captures everything SLF4J (slf4j-simple, writing to System.err at DEBUG for this module, see
 * simplelogger.properties) prints while sealing, unsealing, failing and transforming, plus every
 * exception message and toString() on the way, and checks no value or key material appears.
 */
class NoPlaintextInLogsTest {

    @Test
    void noPlaintextOrKeyMaterialReachesLogsMessagesOrToString() {
        String pw = SealedSecretsTest.PASSWORD;
        List<String> forbidden = List.of(pw, SealedSecretsTest.b64(pw), "admin", SealedSecretsTest.b64("admin"),
                TestKeys.old().privateKey().getPrivateExponent().toString(16).substring(0, 24),
                Base64.getEncoder().encodeToString(TestKeys.old().privateKey().getEncoded()).substring(100, 140));
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.err;
        StringBuilder texts = new StringBuilder();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            SealedSecrets ss = SealedSecrets.defaults();
            Resource sealed = ss.seal(SealedSecretsTest.secret(), TestKeys.oldCert(), SealOptions.defaults());
            Resource secret = ss.unseal(sealed, TestKeys.both());
            texts.append(sealed).append(secret).append(ss).append(TestKeys.both()).append(TestKeys.old());
            Resource renamed = sealed.edit(t -> ((ObjectNode) t.get("metadata")).put("name", "moved"));
            Resource tampered = sealed.edit(t -> ((ObjectNode) t.path("spec").path("encryptedData")).put("username",
                    flipLast(t.path("spec").path("encryptedData").path("username").asText())));
            List<Resource> bad = new ArrayList<>(List.of(renamed, tampered));
            for (Resource r : bad) {
                try {
                    ss.unseal(r, TestKeys.both());
                } catch (UnsealException e) {
                    texts.append(e.getMessage()).append(e).append(e.failures());
                }
                texts.append(ss.validate(r, TestKeys.both()));
            }
            SealedSecretsTransformer t = SealedSecretsTransformer.builder(TestKeys.both()).build();
            TransformResult r = t.transform(Manifests.of(sealed, renamed));
            t.apply(Manifests.of(renamed));
            texts.append(r.outcomes()).append(t).append(ss.reseal(sealed, TestKeys.both()));
        } finally {
            System.setErr(original);
        }
        String logs = captured.toString(StandardCharsets.UTF_8);
        assertThat(logs).contains("sealed SealedSecret", "unsealed SealedSecret", "SealedSecret left sealed");
        for (String f : forbidden) {
            assertThat(logs).doesNotContain(f);
            assertThat(texts.toString()).doesNotContain(f);
        }
    }

    private static String flipLast(String b64) {
        byte[] b = Base64.getDecoder().decode(b64);
        b[b.length - 1] ^= 1;
        return Base64.getEncoder().encodeToString(b);
    }
}
