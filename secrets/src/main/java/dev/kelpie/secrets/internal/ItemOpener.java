package dev.kelpie.secrets.internal;

import dev.kelpie.secrets.ItemFailure;
import dev.kelpie.secrets.Scope;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Opens sealed items with every key of a ring, as the controller's HybridDecrypt: the blob names
 * no key, so each key is tried, first the one that opened the previous item. When no key opens
 * the RSA part, the other scopes' labels are tried to tell a wrong scope from an unknown key
 * (costs extra RSA operations on the failure path only). Consults an optional {@link ItemCache}.
 * Not thread-safe (remembers the last key); make one per unseal.
 */
public final class ItemOpener {
    private final List<RSAPrivateCrtKey> keys;
    private final LongAdder rsaOps;
    private final ItemCache cache;
    private int preferred;

    public ItemOpener(List<RSAPrivateCrtKey> keys, LongAdder rsaOps, ItemCache cacheOrNull) {
        this.keys = List.copyOf(keys);
        this.rsaOps = rsaOps;
        this.cache = cacheOrNull;
    }

    /**
     * The plaintext of one base64 item sealed for {@code scope} of {@code namespace/name}.
     *
     * @throws ItemOpenException with the reason, never the value
     */
    public byte[] open(String base64, Scope scope, String namespace, String name) throws ItemOpenException {
        byte[] label = scope.label(namespace, name);
        String cacheKey = cache == null ? null : ItemCache.keyOf(label, base64);
        if (cache != null) {
            byte[] hit = cache.get(cacheKey);
            if (hit != null) {
                return hit;
            }
        }
        byte[] blob;
        try {
            blob = StrictBase64.decode(base64);
        } catch (IllegalArgumentException e) {
            throw ItemOpenException.malformed(e.getMessage());
        }
        byte[] plaintext = openBlob(blob, scope, namespace, name, label);
        if (cache != null) {
            cache.put(cacheKey, plaintext);
        }
        return plaintext;
    }

    /** Opens decoded bytes (no cache). */
    public byte[] openBlob(byte[] blob, Scope scope, String namespace, String name, byte[] label) throws ItemOpenException {
        HybridCipher.Parts parts = HybridCipher.split(blob);
        byte[][] sessionKey = new byte[1][];
        int found = HybridCipher.openSessionKey(ordered(), parts.rsa(), label, sessionKey, rsaOps);
        if (found < 0) {
            throw diagnose(parts.rsa(), scope, namespace, name);
        }
        preferred = keys.indexOf(ordered().get(found));
        try {
            return HybridCipher.openPayload(sessionKey[0], parts.aes());
        } finally {
            Arrays.fill(sessionKey[0], (byte) 0);
        }
    }

    private List<RSAPrivateCrtKey> ordered() {
        if (preferred == 0) {
            return keys;
        }
        List<RSAPrivateCrtKey> out = new ArrayList<>(keys.size());
        out.add(keys.get(preferred));
        for (int i = 0; i < keys.size(); i++) {
            if (i != preferred) {
                out.add(keys.get(i));
            }
        }
        return out;
    }

    private ItemOpenException diagnose(byte[] rsaPart, Scope scope, String namespace, String name) {
        byte[] used = scope.label(namespace, name);
        for (Scope other : Scope.values()) {
            byte[] label = other.label(namespace, name);
            if (other == scope || Arrays.equals(label, used)) {
                continue;
            }
            byte[][] sessionKey = new byte[1][];
            if (HybridCipher.openSessionKey(keys, rsaPart, label, sessionKey, rsaOps) >= 0) {
                Arrays.fill(sessionKey[0], (byte) 0);
                return ItemOpenException.of(ItemFailure.Reason.WRONG_SCOPE, "it was sealed " + other.flag()
                        + " but the SealedSecret's own metadata makes it " + scope.flag()
                        + " (scope annotations on the top-level metadata decide)");
            }
        }
        return ItemOpenException.of(ItemFailure.Reason.UNKNOWN_KEY, "no key of the ring (" + keys.size()
                + (keys.size() == 1 ? " key" : " keys") + ") opens it under the " + scope.flag() + " label \""
                + new String(used, StandardCharsets.UTF_8) + "\" or another scope: sealed for another key, "
                + "another name or namespace, or its RSA part was modified");
    }
}
