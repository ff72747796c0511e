package dev.kelpie.secrets.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

/**
 * A certificate shaped like the controller's: self-signed X.509 v3, random 128-bit serial,
 * subject = issuer = {@code CN=<cn>} (an empty DN when {@code cn} is empty), KeyUsage
 * encipherOnly (critical), BasicConstraints CA (critical), a SubjectKeyIdentifier, signed
 * with SHA256withRSA. The structure is assembled from ASN.1 parts because both the JDK and
 * BouncyCastle's certificate builder refuse an empty issuer DN, which the controller writes.
 */
public final class SelfSignedCertificate {
    private SelfSignedCertificate() {
    }

    /** The DER certificate. */
    public static byte[] create(KeyPair pair, String commonName, Instant notBefore, Instant notAfter, SecureRandom random) {
        X500Name name = commonName.isEmpty()
                ? new X500NameBuilder(BCStyle.INSTANCE).build()
                : new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
        AlgorithmIdentifier sha256WithRsa = new AlgorithmIdentifier(PKCSObjectIdentifiers.sha256WithRSAEncryption, DERNull.INSTANCE);
        try {
            SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded());
            ExtensionsGenerator ext = new ExtensionsGenerator();
            ext.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.encipherOnly));
            ext.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            ext.addExtension(Extension.subjectKeyIdentifier, false, new JcaX509ExtensionUtils().createSubjectKeyIdentifier(spki));

            ASN1EncodableVector tbs = new ASN1EncodableVector();
            tbs.add(new DERTaggedObject(true, 0, new ASN1Integer(2))); // v3
            tbs.add(new ASN1Integer(new BigInteger(128, random)));
            tbs.add(sha256WithRsa);
            tbs.add(name);
            ASN1EncodableVector validity = new ASN1EncodableVector();
            validity.add(new Time(Date.from(notBefore)));
            validity.add(new Time(Date.from(notAfter)));
            tbs.add(new DERSequence(validity));
            tbs.add(name);
            tbs.add(spki);
            tbs.add(new DERTaggedObject(true, 3, ext.generate()));
            byte[] tbsDer = new DERSequence(tbs).getEncoded(ASN1Encoding.DER);

            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(pair.getPrivate(), random);
            signer.update(tbsDer);
            ASN1EncodableVector cert = new ASN1EncodableVector();
            cert.add(new DERSequence(tbs));
            cert.add(sha256WithRsa);
            cert.add(new DERBitString(signer.sign()));
            return new DERSequence(cert).getEncoded(ASN1Encoding.DER);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a self-signed certificate", e);
        }
    }
}
