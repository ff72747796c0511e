package dev.kelpie.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelpie.core.source.internal.TransportSettings;
import java.nio.file.Path;
import org.eclipse.jgit.transport.CredentialItem;
import org.eclipse.jgit.transport.URIish;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Credentials plumbing up to the transport configuration (no network in tests). */
class TransportSettingsTest {
    @TempDir
    Path tmp;

    @Test
    void httpsTokenBecomesACredentialsProvider() throws Exception {
        TransportSettings t = new TransportSettings(GitCredentials.token("s3cr3t"), 30, tmp);
        CredentialItem.Username user = new CredentialItem.Username();
        CredentialItem.Password pass = new CredentialItem.Password();
        assertThat(t.credentialsProvider().get(new URIish("https://git.example/r.git"), user, pass)).isTrue();
        assertThat(user.getValue()).isEqualTo("x-access-token");
        assertThat(new String(pass.getValue())).isEqualTo("s3cr3t");
        assertThat(t.sshSessionFactory()).isNull();
        assertThat(t.timeoutSeconds()).isEqualTo(30);
    }

    @Test
    void sshKeyBuildsAStrictSessionFactory() {
        TransportSettings t = new TransportSettings(
                GitCredentials.ssh(tmp.resolve("id_ed25519"), "phrase", tmp.resolve("known_hosts")), 10, tmp);
        assertThat(t.sshSessionFactory()).isNotNull();
        assertThat(t.credentialsProvider()).isNull();
    }

    @Test
    void secretsNeverShow() {
        assertThat(GitCredentials.basic("bob", "hunter2").toString()).doesNotContain("hunter2").contains("bob");
        assertThat(GitCredentials.token("tok-123").toString()).doesNotContain("tok-123");
        assertThat(GitCredentials.ssh(tmp.resolve("k"), "pp-secret", tmp.resolve("kh")).toString()).doesNotContain("pp-secret");
        GitSource s = GitSource.builder().url("https://bob:hunter2@git.example/org/r.git").cacheDir(tmp).build();
        assertThat(s.describe()).isEqualTo("https://git.example/org/r.git");
        assertThat(s.toString()).doesNotContain("hunter2");
        assertThat(s.mirrorDir().getFileName().toString()).startsWith("r-").doesNotContain("hunter2");
    }
}
