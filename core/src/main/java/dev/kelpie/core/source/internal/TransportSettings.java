package dev.kelpie.core.source.internal;

import dev.kelpie.core.source.GitCredentials;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.TransportCommand;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.transport.sshd.JGitKeyCache;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;

/**
 * Turns {@link GitCredentials} and a timeout into JGit transport settings: a credentials
 * provider for HTTPS, an SSH session factory (Apache MINA) that uses exactly the given key and
 * known_hosts file, and refuses hosts it does not know. Immutable and thread-safe.
 */
public final class TransportSettings {
    private final GitCredentials credentials;
    private final int timeoutSeconds;
    private final SshdSessionFactory ssh;

    public TransportSettings(GitCredentials credentials, int timeoutSeconds, Path sshHome) {
        this.credentials = credentials;
        this.timeoutSeconds = timeoutSeconds;
        this.ssh = credentials instanceof GitCredentials.SshKey key ? sshFactory(key, sshHome) : null;
    }

    private static SshdSessionFactory sshFactory(GitCredentials.SshKey key, Path sshHome) {
        return new SshdSessionFactoryBuilder()
                .setHomeDirectory(sshHome.toFile())
                .setSshDirectory(sshHome.toFile())
                .setDefaultIdentities(dir -> List.of(key.privateKey()))
                .setDefaultKnownHostsFiles(dir -> List.of(key.knownHosts()))
                .setKeyPasswordProvider(cp -> new KeyPassphrase(key.passphrase()))
                .build(new JGitKeyCache());
    }

    /** The HTTPS credentials provider, or null when none applies. */
    public CredentialsProvider credentialsProvider() {
        if (credentials instanceof GitCredentials.Basic b) {
            return new UsernamePasswordCredentialsProvider(b.username(), b.password());
        }
        return null;
    }

    /** The SSH session factory, or null unless SSH key credentials were given. */
    public SshdSessionFactory sshSessionFactory() {
        return ssh;
    }

    public int timeoutSeconds() {
        return timeoutSeconds;
    }

    /** Applies credentials, timeout and SSH settings to a JGit command. */
    public <C extends TransportCommand<C, ?>> C configure(C command) {
        command.setTimeout(timeoutSeconds);
        CredentialsProvider cp = credentialsProvider();
        if (cp != null) {
            command.setCredentialsProvider(cp);
        }
        if (ssh != null) {
            command.setTransportConfigCallback(t -> {
                if (t instanceof SshTransport st) {
                    st.setSshSessionFactory(ssh);
                }
            });
        }
        return command;
    }
}
