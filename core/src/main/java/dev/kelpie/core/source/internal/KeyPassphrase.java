package dev.kelpie.core.source.internal;

import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.sshd.KeyPasswordProvider;

/** Hands a fixed passphrase to JGit's SSH client; one attempt, never logged. Thread-safe. */
final class KeyPassphrase implements KeyPasswordProvider {
    private final String passphrase;

    KeyPassphrase(String passphrase) {
        this.passphrase = passphrase;
    }

    @Override
    public char[] getPassphrase(URIish uri, int attempt) {
        return attempt == 0 ? passphrase.toCharArray() : null;
    }

    @Override
    public void setAttempts(int maxNumberOfAttempts) {
        // one attempt: the passphrase is fixed
    }

    @Override
    public boolean keyLoaded(URIish uri, int attempt, Exception error) {
        return false;
    }

    @Override
    public String toString() {
        return "KeyPassphrase[***]";
    }
}
