package dev.kelpie.secrets.internal;

import dev.kelpie.secrets.InvalidKeyMaterialException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/**
 * PEM blocks on byte arrays, so private keys never pass through a {@link String}. Reads
 * certificates, PKCS#1 ({@code RSA PRIVATE KEY}, what the controller stores) and PKCS#8
 * ({@code PRIVATE KEY}) keys; writes all three. BouncyCastle only for the PKCS#1 structure.
 */
public final class PemCodec {
    public static final String CERTIFICATE = "CERTIFICATE";
    public static final String PKCS1 = "RSA PRIVATE KEY";
    public static final String PKCS8 = "PRIVATE KEY";
    private static final byte[] BEGIN = "-----BEGIN ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "-----END ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DASHES = "-----".getBytes(StandardCharsets.US_ASCII);

    private PemCodec() {
    }

    /** One PEM block: its type and DER bytes. {@link #toString()} shows the type only. */
    public record Block(String type, byte[] der) {
        @Override
        public String toString() {
            return "PEM " + type + " (" + der.length + " bytes)";
        }
    }

    /** All PEM blocks of {@code pem}, in order; text between blocks is ignored. */
    public static List<Block> blocks(byte[] pem, String source) {
        List<Block> out = new ArrayList<>();
        int pos = 0;
        while (true) {
            int begin = indexOf(pem, BEGIN, pos);
            if (begin < 0) {
                return out;
            }
            int typeStart = begin + BEGIN.length;
            int typeEnd = indexOf(pem, DASHES, typeStart);
            if (typeEnd < 0) {
                throw new InvalidKeyMaterialException(source, "unterminated PEM header");
            }
            String type = new String(pem, typeStart, typeEnd - typeStart, StandardCharsets.US_ASCII);
            int bodyStart = typeEnd + DASHES.length;
            int end = indexOf(pem, END, bodyStart);
            if (end < 0) {
                throw new InvalidKeyMaterialException(source, "PEM block " + type + " has no END line");
            }
            byte[] body = Arrays.copyOfRange(pem, bodyStart, end);
            try {
                out.add(new Block(type, Base64.getMimeDecoder().decode(body)));
            } catch (IllegalArgumentException e) {
                throw new InvalidKeyMaterialException(source, "PEM block " + type + " is not valid base64");
            } finally {
                Arrays.fill(body, (byte) 0);
            }
            int close = indexOf(pem, DASHES, end + END.length);
            pos = close < 0 ? pem.length : close + DASHES.length;
        }
    }

    /** The first certificate in {@code pem}. */
    public static CertificateInfo certificate(byte[] pem, String source) {
        for (Block b : blocks(pem, source)) {
            if (b.type().equals(CERTIFICATE)) {
                return CertificateInfo.parse(b.der(), source);
            }
        }
        throw new InvalidKeyMaterialException(source, "no PEM CERTIFICATE block");
    }

    /** The first RSA private key ({@code RSA PRIVATE KEY} or {@code PRIVATE KEY}) in {@code pem}. */
    public static RSAPrivateCrtKey privateKey(byte[] pem, String source) {
        for (Block b : blocks(pem, source)) {
            try {
                if (b.type().equals(PKCS1)) {
                    return rsaKey(pkcs8FromPkcs1(b.der(), source), source);
                }
                if (b.type().equals(PKCS8)) {
                    return rsaKey(b.der(), source);
                }
            } finally {
                Arrays.fill(b.der(), (byte) 0);
            }
        }
        throw new InvalidKeyMaterialException(source, "no PEM \"RSA PRIVATE KEY\" or \"PRIVATE KEY\" block");
    }

    private static RSAPrivateCrtKey rsaKey(byte[] pkcs8, String source) {
        try {
            PrivateKey k = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            if (!(k instanceof RSAPrivateCrtKey crt)) {
                throw new InvalidKeyMaterialException(source, "the RSA key lacks its CRT parameters");
            }
            return crt;
        } catch (GeneralSecurityException e) {
            throw new InvalidKeyMaterialException(source, "not an RSA private key", e);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    private static byte[] pkcs8FromPkcs1(byte[] pkcs1, String source) {
        try {
            RSAPrivateKey parsed = RSAPrivateKey.getInstance(pkcs1);
            return new PrivateKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE), parsed)
                    .getEncoded();
        } catch (IOException | RuntimeException e) {
            throw new InvalidKeyMaterialException(source, "not a PKCS#1 RSA private key");
        }
    }

    /** The PKCS#1 DER of a PKCS#8-encodable RSA key. */
    public static byte[] pkcs1(RSAPrivateCrtKey key) {
        byte[] pkcs8 = key.getEncoded();
        try {
            return PrivateKeyInfo.getInstance(pkcs8).parsePrivateKey().toASN1Primitive().getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("cannot re-encode an RSA key as PKCS#1", e);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    /** A PEM block: BEGIN line, base64 in 64-character lines, END line. */
    public static byte[] encode(String type, byte[] der) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(der.length * 4 / 3 + 100);
        out.writeBytes(("-----BEGIN " + type + "-----\n").getBytes(StandardCharsets.US_ASCII));
        byte[] body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encode(der);
        out.writeBytes(body);
        Arrays.fill(body, (byte) 0);
        out.write('\n');
        out.writeBytes(("-----END " + type + "-----\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
