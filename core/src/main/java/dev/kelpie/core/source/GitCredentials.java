package dev.kelpie.core.source;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How {@link GitSource} authenticates. {@code toString()} never shows a secret. Immutable and
 * thread-safe.
 */
public sealed interface GitCredentials {

    /** No credentials: public repositories, {@code file://} and local paths. */
    static GitCredentials none() {
        return new None();
    }

    /** HTTPS basic authentication. */
    static GitCredentials basic(String username, String password) {
        return new Basic(username, password);
    }

    /** An HTTPS access token (GitHub, GitLab, Gitea accept it as the password of any user). */
    static GitCredentials token(String token) {
        return new Basic("x-access-token", token);
    }

    /**
     * An SSH private key (OpenSSH or PEM) with an optional passphrase ({@code ""} for none) and
     * the {@code known_hosts} file the server's key is checked against; unknown hosts are refused.
     */
    static GitCredentials ssh(Path privateKey, String passphrase, Path knownHosts) {
        return new SshKey(privateKey, passphrase, knownHosts);
    }

    /** No credentials. */
    record None() implements GitCredentials {
    }

    /** HTTPS username and password or token. */
    record Basic(String username, String password) implements GitCredentials {
        public Basic {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "Basic[username=" + username + ", password=***]";
        }
    }

    /** SSH public-key authentication with strict host-key checking. */
    record SshKey(Path privateKey, String passphrase, Path knownHosts) implements GitCredentials {
        public SshKey {
            Objects.requireNonNull(privateKey, "privateKey");
            Objects.requireNonNull(passphrase, "passphrase");
            Objects.requireNonNull(knownHosts, "knownHosts");
        }

        @Override
        public String toString() {
            return "SshKey[privateKey=" + privateKey.getFileName() + ", passphrase=***, knownHosts=" + knownHosts + "]";
        }
    }
}
