package dev.kelpie.secrets.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The controller's key id: {@code "SHA256:" + unpadded base64(SHA-256(ssh-rsa wire key))},
 * the same string {@code ssh-keygen -lf} prints.
 */
public final class SshFingerprint {
    private SshFingerprint() {
    }

    public static String of(BigInteger publicExponent, BigInteger modulus) {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        writeString(wire, "ssh-rsa".getBytes(StandardCharsets.US_ASCII));
        writeString(wire, publicExponent.toByteArray()); // two's complement = SSH mpint for positives
        writeString(wire, modulus.toByteArray());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(wire.toByteArray());
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writeString(ByteArrayOutputStream out, byte[] b) {
        out.write(b.length >>> 24);
        out.write(b.length >>> 16);
        out.write(b.length >>> 8);
        out.write(b.length);
        out.writeBytes(b);
    }
}
