package dev.kelpie.secrets.internal;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate shaped like the controller's: self-signed X.509 v3, random 128-bit serial,
 * subject = issuer = {@code CN=<cn>} (an empty DN when {@code cn} is empty), KeyUsage
 * encipherOnly (critical), BasicConstraints CA (critical), a SubjectKeyIdentifier, signed
 * with SHA256withRSA. The JDK has no certificate builder, hence BouncyCastle.
 */
public final class SelfSignedCertificate {
    private SelfSignedCertificate() {
    }

    public static byte[] create(KeyPair pair, String commonName, Instant notBefore, Instant notAfter, SecureRandom random) {
        X500Name name = commonName.isEmpty()
                ? new X500NameBuilder(BCStyle.INSTANCE).build()
                : new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
        BigInteger serial = new BigInteger(128, random);
        try {
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, serial,
                    Date.from(notBefore), Date.from(notAfter), name, pair.getPublic());
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.encipherOnly));
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            b.addExtension(Extension.subjectKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createSubjectKeyIdentifier(pair.getPublic()));
            X509CertificateHolder holder = b.build(new JcaContentSignerBuilder("SHA256withRSA")
                    .setSecureRandom(random).build(pair.getPrivate()));
            return holder.getEncoded();
        } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException("cannot build a self-signed certificate", e);
        }
    }
}
