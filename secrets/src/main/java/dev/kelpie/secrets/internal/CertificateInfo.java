package dev.kelpie.secrets.internal;

import dev.kelpie.secrets.InvalidKeyMaterialException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.Time;

/**
 * The parts of an X.509 certificate sealing needs: validity, subject and public key, read from
 * the DER structure. Neither the JDK's {@code CertificateFactory} nor BouncyCastle's certificate
 * classes accept the controller's default certificates (empty issuer DN), so only the ASN.1 is
 * walked; as in kubeseal, nothing is validated beyond that (no chain, no key usage).
 */
public record CertificateInfo(byte[] der, String subject, Instant notBefore, Instant notAfter, PublicKey publicKey) {

    public static CertificateInfo parse(byte[] der, String source) {
        try {
            ASN1Sequence cert = ASN1Sequence.getInstance(der);
            ASN1Sequence tbs = ASN1Sequence.getInstance(cert.getObjectAt(0));
            int i = tbs.getObjectAt(0) instanceof ASN1TaggedObject ? 1 : 0; // optional [0] version
            ASN1Sequence validity = ASN1Sequence.getInstance(tbs.getObjectAt(i + 3));
            Instant notBefore = Time.getInstance(validity.getObjectAt(0)).getDate().toInstant();
            Instant notAfter = Time.getInstance(validity.getObjectAt(1)).getDate().toInstant();
            ASN1Encodable subject = tbs.getObjectAt(i + 4);
            SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(tbs.getObjectAt(i + 5));
            String algorithm = spki.getAlgorithm().getAlgorithm().getId();
            if (!algorithm.equals("1.2.840.113549.1.1.1")) {
                throw new InvalidKeyMaterialException(source, "the certificate's key is not RSA (algorithm " + algorithm + ")");
            }
            PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(spki.getEncoded()));
            return new CertificateInfo(der.clone(), X500Name.getInstance(subject).toString(), notBefore, notAfter, key);
        } catch (InvalidKeyMaterialException e) {
            throw e;
        } catch (GeneralSecurityException | java.io.IOException | RuntimeException e) {
            throw new InvalidKeyMaterialException(source, "not a valid X.509 certificate (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    @Override
    public String toString() {
        return "Certificate[subject=" + subject + ", notBefore=" + notBefore + ", notAfter=" + notAfter + "]";
    }
}
