package dev.kelpie.secrets;

import dev.kelpie.secrets.internal.PemCodec;
import dev.kelpie.secrets.internal.SelfSignedCertificate;
import dev.kelpie.secrets.internal.SshFingerprint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAKeyGenParameterSpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A controller key: the RSA private key and, when known, its certificate. Used to unseal; with a
 * certificate also to seal. Key material is held only in JCA key objects and byte arrays, never
 * in Strings; {@link #toString()} shows the fingerprint only. Immutable and thread-safe.
 */
public final class UnsealingKey {
    /** The controller's default key size. */
    public static final int DEFAULT_BITS = 4096;
    /** The controller's default {@code --key-ttl} (87600h, about 10 years). */
    public static final Duration DEFAULT_VALIDITY = Duration.ofHours(87_600);

    private final RSAPrivateCrtKey privateKey;
    private final RSAPublicKey publicKey;
    private final SealingKey certificate;
    private final String fingerprint;

    private UnsealingKey(RSAPrivateCrtKey privateKey, SealingKey certificate, String source) {
        this.privateKey = privateKey;
        this.fingerprint = SshFingerprint.of(privateKey.getPublicExponent(), privateKey.getModulus());
        try {
            this.publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        if (certificate != null && !certificate.fingerprint().equals(fingerprint)) {
            throw new InvalidKeyMaterialException(source, "the certificate (" + certificate.fingerprint()
                    + ") does not belong to the private key (" + fingerprint + ")");
        }
        this.certificate = certificate;
    }

    /** A key from a JCA private key and an optional certificate (null for none). */
    public static UnsealingKey of(RSAPrivateCrtKey privateKey, SealingKey certificateOrNull) {
        return new UnsealingKey(Objects.requireNonNull(privateKey, "privateKey"), certificateOrNull, "<memory>");
    }

    /**
     * A key from PEM bytes: PKCS#1 ({@code RSA PRIVATE KEY}) or PKCS#8 ({@code PRIVATE KEY}).
     * If the same text also holds a {@code CERTIFICATE} block, it is attached.
     *
     * @throws InvalidKeyMaterialException when no RSA private key is found, or the certificate belongs to another key
     */
    public static UnsealingKey parsePem(byte[] pem, String source) {
        RSAPrivateCrtKey key = PemCodec.privateKey(pem, source);
        boolean hasCert = PemCodec.blocks(pem, source).stream().anyMatch(b -> b.type().equals(PemCodec.CERTIFICATE));
        return new UnsealingKey(key, hasCert ? SealingKey.parsePem(pem, source) : null, source);
    }

    /**
     * A key from a private-key PEM and a certificate PEM.
     *
     * @throws InvalidKeyMaterialException when either is unreadable or they do not match
     */
    public static UnsealingKey parsePem(byte[] keyPem, byte[] certificatePem, String source) {
        return new UnsealingKey(PemCodec.privateKey(keyPem, source), SealingKey.parsePem(certificatePem, source), source);
    }

    /**
     * Reads a private-key PEM file (PKCS#1 or PKCS#8, optionally followed by its certificate).
     *
     * @throws InvalidKeyMaterialException when unreadable
     */
    public static UnsealingKey read(Path file) {
        byte[] pem = null;
        try {
            pem = Files.readAllBytes(file);
            return parsePem(pem, file.toString());
        } catch (IOException e) {
            throw new InvalidKeyMaterialException(file.toString(), "cannot read: " + e.getMessage(), e);
        } finally {
            if (pem != null) {
                Arrays.fill(pem, (byte) 0);
            }
        }
    }

    /** A new RSA-4096 key with a controller-style certificate valid for 10 years from now. */
    public static UnsealingKey generate() {
        return generate(DEFAULT_BITS, "", DEFAULT_VALIDITY, Clock.systemUTC(), new SecureRandom());
    }

    /**
     * A new RSA key (e = 65537) with a self-signed certificate shaped like the controller's:
     * subject and issuer {@code CN=commonName} (empty DN when {@code commonName} is empty),
     * KeyUsage encipherOnly, BasicConstraints CA, valid from now for {@code validity}.
     */
    public static UnsealingKey generate(int bits, String commonName, Duration validity, Clock clock, SecureRandom random) {
        Objects.requireNonNull(commonName, "commonName");
        if (bits < 2048) {
            throw new IllegalArgumentException("key size " + bits + " is below 2048 bits");
        }
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("validity must be positive");
        }
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(new RSAKeyGenParameterSpec(bits, RSAKeyGenParameterSpec.F4), random);
            KeyPair pair = g.generateKeyPair();
            Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            SealingKey cert = SealingKey.ofDer(SelfSignedCertificate.create(pair, commonName, now, now.plus(validity), random));
            return new UnsealingKey((RSAPrivateCrtKey) pair.getPrivate(), cert, "<generated>");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation unavailable", e);
        }
    }

    /** The same key with a certificate attached. */
    public UnsealingKey withCertificate(SealingKey cert) {
        return new UnsealingKey(privateKey, Objects.requireNonNull(cert, "cert"), "<certificate>");
    }

    public RSAPrivateCrtKey privateKey() {
        return privateKey;
    }

    public RSAPublicKey publicKey() {
        return publicKey;
    }

    /** The certificate, when known: needed to seal with this key. */
    public Optional<SealingKey> certificate() {
        return Optional.ofNullable(certificate);
    }

    /** The controller's key id, {@code SHA256:<unpadded base64>}. */
    public String fingerprint() {
        return fingerprint;
    }

    /** The modulus size in bits. */
    public int bits() {
        return privateKey.getModulus().bitLength();
    }

    /** The private key as PEM PKCS#1 ({@code RSA PRIVATE KEY}), as the controller stores it. */
    public byte[] privateKeyPkcs1Pem() {
        byte[] der = PemCodec.pkcs1(privateKey);
        try {
            return PemCodec.encode(PemCodec.PKCS1, der);
        } finally {
            Arrays.fill(der, (byte) 0);
        }
    }

    /** The private key as PEM PKCS#8 ({@code PRIVATE KEY}). */
    public byte[] privateKeyPkcs8Pem() {
        byte[] der = privateKey.getEncoded();
        try {
            return PemCodec.encode(PemCodec.PKCS8, der);
        } finally {
            Arrays.fill(der, (byte) 0);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnsealingKey k && fingerprint.equals(k.fingerprint) && Objects.equals(certificate, k.certificate);
    }

    @Override
    public int hashCode() {
        return fingerprint.hashCode();
    }

    /** The fingerprint and whether a certificate is attached; never key material. */
    @Override
    public String toString() {
        return "UnsealingKey[" + fingerprint + (certificate == null ? ", no certificate" : ", notBefore=" + certificate.notBefore()) + "]";
    }
}
