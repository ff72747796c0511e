package dev.kelpie.secrets.internal;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;

/**
 * One sealed item: {@code u16be(len(R)) || R || AES-GCM(K, zero nonce)(P) || tag}, where
 * {@code R} is RSA-OAEP (SHA-256, MGF1-SHA-256, label = scope label) of a fresh 32-byte
 * session key {@code K}. The nonce can be constant because every key is used once.
 * Stateless and thread-safe; a new {@link Cipher} per operation.
 */
public final class HybridCipher {
    private static final int SESSION_KEY_BYTES = 32;
    private static final int GCM_TAG_BITS = 128;
    private static final int GCM_TAG_BYTES = 16;
    private static final int CHUNK = 16 * 1024;

    private HybridCipher() {
    }

    /** Seals {@code plaintext} for {@code key} under {@code label}. */
    public static byte[] seal(RSAPublicKey key, byte[] label, byte[] plaintext, SecureRandom random) {
        byte[] sessionKey = new byte[SESSION_KEY_BYTES];
        random.nextBytes(sessionKey);
        try {
            Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
            rsa.init(Cipher.ENCRYPT_MODE, key, oaep(label), random);
            byte[] wrapped = rsa.doFinal(sessionKey);
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(sessionKey, "AES"), new GCMParameterSpec(GCM_TAG_BITS, new byte[12]));
            byte[] out = new byte[2 + wrapped.length + plaintext.length + GCM_TAG_BYTES];
            out[0] = (byte) (wrapped.length >>> 8);
            out[1] = (byte) wrapped.length;
            System.arraycopy(wrapped, 0, out, 2, wrapped.length);
            int pos = 2 + wrapped.length;
            // update in chunks: one doFinal over a large array is ~50x slower on JDK 17
            for (int off = 0; off < plaintext.length; off += CHUNK) {
                int n = Math.min(CHUNK, plaintext.length - off);
                pos += aes.update(plaintext, off, n, out, pos);
            }
            pos += aes.doFinal(out, pos);
            if (pos != out.length) {
                throw new IllegalStateException("AES-GCM produced " + pos + " bytes, expected " + out.length);
            }
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK RSA-OAEP or AES-GCM unavailable", e);
        } finally {
            Arrays.fill(sessionKey, (byte) 0);
        }
    }

    /** The RSA and AES parts of a blob, after the length prefix was checked. */
    public record Parts(byte[] rsa, byte[] aes) {
        @Override
        public String toString() {
            return "Parts[rsa=" + rsa.length + " bytes, aes=" + aes.length + " bytes]";
        }
    }

    /**
     * Splits a blob at its length prefix.
     *
     * @throws ItemOpenException (MALFORMED) when the blob is shorter than 2 or than its prefix says
     */
    public static Parts split(byte[] blob) throws ItemOpenException {
        if (blob.length < 2) {
            throw ItemOpenException.malformed("too short: " + blob.length + " bytes, no length prefix");
        }
        int n = ((blob[0] & 0xff) << 8) | (blob[1] & 0xff);
        if (blob.length < 2 + n) {
            throw ItemOpenException.malformed("too short: the length prefix says " + n + " RSA bytes but only "
                    + (blob.length - 2) + " follow");
        }
        return new Parts(Arrays.copyOfRange(blob, 2, 2 + n), Arrays.copyOfRange(blob, 2 + n, blob.length));
    }

    /**
     * Tries each key in order on the RSA part; returns the index of the key that opened it and
     * fills {@code sessionKeyOut[0]}, or -1. Counts each private operation in {@code rsaOps}.
     */
    public static int openSessionKey(List<? extends PrivateKey> keys, byte[] rsaPart, byte[] label,
                                     byte[][] sessionKeyOut, LongAdder rsaOps) {
        for (int i = 0; i < keys.size(); i++) {
            PrivateKey key = keys.get(i);
            int modulusBytes = (((RSAKey) key).getModulus().bitLength() + 7) / 8;
            if (rsaPart.length == 0 || rsaPart.length > modulusBytes) {
                continue; // Go's rsa.DecryptOAEP refuses a ciphertext longer than the modulus
            }
            try {
                Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
                rsa.init(Cipher.DECRYPT_MODE, key, oaep(label));
                rsaOps.increment();
                sessionKeyOut[0] = rsa.doFinal(rsaPart);
                return i;
            } catch (GeneralSecurityException e) {
                // wrong key, wrong label or modified RSA part: OAEP cannot tell them apart
            }
        }
        return -1;
    }

    /**
     * Opens the AES-GCM part with a session key (16, 24 or 32 bytes, as Go accepts).
     *
     * @throws ItemOpenException (TAMPERED) on a bad session key length or failed authentication
     */
    public static byte[] openPayload(byte[] sessionKey, byte[] aesPart) throws ItemOpenException {
        if (sessionKey.length != 16 && sessionKey.length != 24 && sessionKey.length != 32) {
            throw ItemOpenException.tampered("the session key has " + sessionKey.length + " bytes (16, 24 or 32 expected)");
        }
        if (aesPart.length < GCM_TAG_BYTES) {
            throw ItemOpenException.tampered("the AES-GCM part has " + aesPart.length + " bytes, shorter than its 16-byte tag");
        }
        try {
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(sessionKey, "AES"), new GCMParameterSpec(GCM_TAG_BITS, new byte[12]));
            return aes.doFinal(aesPart);
        } catch (AEADBadTagException e) {
            throw ItemOpenException.tampered("AES-GCM authentication failed: the value was modified after sealing");
        } catch (GeneralSecurityException e) {
            throw ItemOpenException.tampered("AES-GCM decryption failed: " + e.getClass().getSimpleName());
        }
    }

    private static OAEPParameterSpec oaep(byte[] label) {
        return new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, new PSource.PSpecified(label));
    }
}
