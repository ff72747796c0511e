package dev.kelpie.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kelpie seal / unseal / keygen / reseal / validate, run in-process through KelpieCli. */
class SecretsCommandsTest {
    private static final String PASSWORD = "hunter2-very-secret";
    @TempDir
    static Path dir;
    static Path keys;
    static Path secret;

    @BeforeAll
    static void keygen() throws IOException {
        keys = dir.resolve("keys");
        CliRun r = CliRun.of("keygen", "--out", keys.toString(), "--key-size", "2048");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("SHA256:");
        secret = dir.resolve("secret.yaml");
        Files.writeString(secret, """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: db
                  namespace: team-a
                stringData:
                  password: %s
                """.formatted(PASSWORD));
    }

    private static String cert() {
        return keys.resolve("tls.crt").toString();
    }

    private static String key() {
        return keys.resolve("tls.key").toString();
    }

    @Test
    void keygenWritesAControllerKeyPair() throws IOException {
        assertThat(Files.readString(keys.resolve("tls.key"))).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        assertThat(Files.readString(keys.resolve("tls.crt"))).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(Files.readString(keys.resolve("sealed-secrets-key.yaml"))).contains("kubernetes.io/tls", "tls.key");
    }

    @Test
    void sealThenUnsealRoundTripsWithPemAndKeySecretBackups() throws IOException {
        CliRun sealed = CliRun.of("seal", "--cert", cert(), "--secret-file", secret.toString());
        assertThat(sealed.exitCode()).as(sealed.err()).isZero();
        assertThat(sealed.out()).startsWith("{\n  \"kind\": \"SealedSecret\",\n  \"apiVersion\": \"bitnami.com/v1alpha1\"")
                .doesNotContain(PASSWORD);
        Path file = dir.resolve("sealed.json");
        Files.writeString(file, sealed.out());
        for (String k : new String[] {key(), keys.resolve("sealed-secrets-key.yaml").toString()}) {
            CliRun unsealed = CliRun.of("unseal", "--key", k, "-f", file.toString(), "-o", "yaml");
            assertThat(unsealed.exitCode()).as(unsealed.err()).isZero();
            assertThat(unsealed.out()).startsWith("---\n").contains("kind: Secret",
                    "password: " + Base64.getEncoder().encodeToString(PASSWORD.getBytes(StandardCharsets.UTF_8)));
        }
        CliRun ok = CliRun.of("validate", "--key", key(), "-f", file.toString());
        assertThat(ok.exitCode()).isZero();
        assertThat(ok.out()).contains("SealedSecret team-a/db: ok");
    }

    @Test
    void rawSealingNeedsTheNamesItsScopeBindsAndOpensWithThem() throws IOException {
        Path value = dir.resolve("value.txt");
        Files.writeString(value, PASSWORD);
        CliRun raw = CliRun.of("seal", "--raw", "--cert", cert(), "--scope", "namespace-wide", "--namespace", "team-a",
                "--from-file", value.toString());
        assertThat(raw.exitCode()).as(raw.err()).isZero();
        assertThat(raw.out()).doesNotEndWith("\n").matches("[A-Za-z0-9+/=]+");
        CliRun noName = CliRun.of("seal", "--raw", "--cert", cert(), "--namespace", "team-a", "--from-file", value.toString());
        assertThat(noName.exitCode()).isEqualTo(1);
        assertThat(noName.err()).contains("--name");
    }

    @Test
    void kubesealsRefusalsAreErrors() throws IOException {
        CliRun mismatch = CliRun.of("seal", "--cert", cert(), "--secret-file", secret.toString(), "-n", "other");
        assertThat(mismatch.exitCode()).isEqualTo(1);
        assertThat(mismatch.err()).contains("namespace mismatch");
        Path empty = dir.resolve("empty.yaml");
        Files.writeString(empty, "apiVersion: v1\nkind: Secret\nmetadata:\n  name: e\n  namespace: x\n");
        assertThat(CliRun.of("seal", "--cert", cert(), "--secret-file", empty.toString()).err()).contains("--allow-empty-data");
        assertThat(CliRun.of("seal", "--cert", cert(), "--secret-file", empty.toString(), "--allow-empty-data").exitCode()).isZero();
        assertThat(CliRun.of("seal", "--cert", cert(), "--secret-file", secret.toString(), "--scope", "global").exitCode()).isEqualTo(2);
    }

    @Test
    void mergeIntoRewritesTheFileAndResealKeepsItOpenable() throws IOException {
        Path file = dir.resolve("merge.yaml");
        CliRun sealed = CliRun.of("seal", "--cert", cert(), "--secret-file", secret.toString(), "-o", "yaml");
        Files.writeString(file, sealed.out());
        Path extra = dir.resolve("extra.yaml");
        Files.writeString(extra, "apiVersion: v1\nkind: Secret\nmetadata:\n  name: ignored\nstringData:\n  token: abc\n");
        CliRun merge = CliRun.of("seal", "--cert", cert(), "--merge-into", file.toString(), "--secret-file", extra.toString());
        assertThat(merge.exitCode()).as(merge.err()).isZero();
        assertThat(Files.readString(file)).startsWith("---\n").contains("token: AQ", "password: AQ");
        CliRun resealed = CliRun.of("reseal", "--key", key(), "--cert", cert(), "-f", file.toString());
        assertThat(CliRun.of("reseal", "--key", key(), "-f", file.toString()).err()).contains("no certificate");
        assertThat(resealed.exitCode()).as(resealed.err()).isZero();
        Path out = dir.resolve("resealed.json");
        Files.writeString(out, resealed.out());
        CliRun unsealed = CliRun.of("unseal", "--key", key(), "-f", out.toString());
        assertThat(unsealed.out()).contains("\"token\": \"YWJj\"");
    }

    @Test
    void validateFailsWithoutPrintingValues() throws IOException {
        CliRun other = CliRun.of("keygen", "--out", dir.resolve("other").toString(), "--key-size", "2048");
        assertThat(other.exitCode()).isZero();
        Path file = dir.resolve("v.json");
        Files.writeString(file, CliRun.of("seal", "--cert", cert(), "--secret-file", secret.toString()).out());
        CliRun bad = CliRun.of("validate", "--key", dir.resolve("other/tls.key").toString(), "-f", file.toString());
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("password").contains("unknown key").doesNotContain(PASSWORD);
        CliRun unseal = CliRun.of("unseal", "--key", dir.resolve("other/tls.key").toString(), "-f", file.toString());
        assertThat(unseal.exitCode()).isEqualTo(1);
        assertThat(unseal.out()).isEmpty();
    }
}
