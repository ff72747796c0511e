package dev.kelpie.secrets;

import dev.kelpie.secrets.internal.CertificateInfo;
import dev.kelpie.secrets.internal.PemCodec;
import dev.kelpie.secrets.internal.SshFingerprint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * The public half used for sealing: the controller's certificate and its RSA key. As kubeseal,
 * only the key is used (no chain or key-usage validation), and an expired certificate is
 * refused when sealing. Immutable and thread-safe.
 *
 * <pre>{@code
 * SealingKey key = SealingKey.read(Path.of("cert.pem"));
 * Resource sealed = SealedSecrets.defaults().seal(secret, key);
 * }</pre>
 */
public final class SealingKey {
    private final CertificateInfo certificate;
    private final RSAPublicKey publicKey;
    private final String fingerprint;

    private SealingKey(CertificateInfo certificate) {
        this.certificate = certificate;
        this.publicKey = (RSAPublicKey) certificate.publicKey();
        this.fingerprint = SshFingerprint.of(publicKey.getPublicExponent(), publicKey.getModulus());
    }

    /**
     * A sealing key from a DER certificate.
     *
     * @throws InvalidKeyMaterialException when it is not an RSA certificate
     */
    public static SealingKey ofDer(byte[] der) {
        return new SealingKey(CertificateInfo.parse(Objects.requireNonNull(der, "der"), "<certificate>"));
    }

    /**
     * The first {@code CERTIFICATE} block of a PEM text.
     *
     * @param source how to name the input in errors
     * @throws InvalidKeyMaterialException when there is no RSA certificate
     */
    public static SealingKey parsePem(byte[] pem, String source) {
        return new SealingKey(PemCodec.certificate(pem, source));
    }

    /**
     * Reads a PEM certificate file.
     *
     * @throws InvalidKeyMaterialException when the file cannot be read or holds no RSA certificate
     */
    public static SealingKey read(Path file) {
        try {
            return parsePem(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new InvalidKeyMaterialException(file.toString(), "cannot read: " + e.getMessage(), e);
        }
    }

    /** The certificate's subject DN ({@code ""} for the controller's default). */
    public String subject() {
        return certificate.subject();
    }

    public RSAPublicKey publicKey() {
        return publicKey;
    }

    /** The controller's key id, {@code SHA256:<unpadded base64>}. */
    public String fingerprint() {
        return fingerprint;
    }

    public Instant notBefore() {
        return certificate.notBefore();
    }

    public Instant notAfter() {
        return certificate.notAfter();
    }

    /** True once {@code clock}'s now is past notAfter. */
    public boolean isExpired(Clock clock) {
        return clock.instant().isAfter(notAfter());
    }

    /**
     * Refuses an expired certificate, as kubeseal does before sealing.
     *
     * @throws ExpiredCertificateException when expired at {@code clock}'s now
     */
    public SealingKey requireUnexpired(Clock clock) {
        if (isExpired(clock)) {
            throw new ExpiredCertificateException(fingerprint, notAfter());
        }
        return this;
    }

    /** The certificate as PEM bytes. */
    public byte[] certificatePem() {
        return PemCodec.encode(PemCodec.CERTIFICATE, certificate.der());
    }

    /** The certificate as DER bytes. */
    public byte[] certificateDer() {
        return certificate.der().clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SealingKey k && java.util.Arrays.equals(certificate.der(), k.certificate.der());
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(certificate.der());
    }

    @Override
    public String toString() {
        return "SealingKey[" + fingerprint + ", notAfter=" + notAfter() + "]";
    }
}
