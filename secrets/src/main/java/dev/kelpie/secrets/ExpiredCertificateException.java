package dev.kelpie.secrets;

import java.time.Instant;

/** Sealing refused because the certificate has expired (kubeseal refuses it too). */
public class ExpiredCertificateException extends SecretsException {
    private static final long serialVersionUID = 1L;
    private final String fingerprint;
    private final Instant notAfter;

    public ExpiredCertificateException(String fingerprint, Instant notAfter) {
        super("certificate " + fingerprint + " expired on " + notAfter + "; refusing to seal with an expired certificate");
        this.fingerprint = fingerprint;
        this.notAfter = notAfter;
    }

    public String fingerprint() {
        return fingerprint;
    }

    public Instant notAfter() {
        return notAfter;
    }
}
