package dev.kelpie.secrets.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Opened items keyed by SHA-256 of (label, 0x00, base64 ciphertext), so an unchanged sealed
 * value costs no RSA operation the next time. Bounded by entry count and by total plaintext
 * bytes, least recently used evicted first; values are copied in and out, and zeroed when
 * evicted or cleared. Holds plaintext in memory: belongs to one engine instance, never global.
 * Thread-safe (one lock; lookups are microseconds next to a millisecond RSA operation).
 */
public final class ItemCache {
    private final int maxEntries;
    private final long maxBytes;
    private final LinkedHashMap<String, byte[]> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;
    private long hits;
    private long misses;

    public ItemCache(int maxEntries, long maxBytes) {
        if (maxEntries <= 0 || maxBytes <= 0) {
            throw new IllegalArgumentException("cache bounds must be positive");
        }
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
    }

    /** The cache key of one sealed value under one label. */
    public static String keyOf(byte[] label, String base64) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(label);
            d.update((byte) 0);
            d.update(base64.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy of the cached plaintext, or null. */
    public synchronized byte[] get(String key) {
        byte[] v = entries.get(key);
        if (v == null) {
            misses++;
            return null;
        }
        hits++;
        return v.clone();
    }

    public synchronized void put(String key, byte[] plaintext) {
        if (plaintext.length > maxBytes) {
            return;
        }
        byte[] prior = entries.put(key, plaintext.clone());
        if (prior != null) {
            bytes -= prior.length;
            Arrays.fill(prior, (byte) 0);
        }
        bytes += plaintext.length;
        var it = entries.entrySet().iterator();
        while ((entries.size() > maxEntries || bytes > maxBytes) && it.hasNext()) {
            Map.Entry<String, byte[]> eldest = it.next();
            bytes -= eldest.getValue().length;
            Arrays.fill(eldest.getValue(), (byte) 0);
            it.remove();
        }
    }

    public synchronized int size() {
        return entries.size();
    }

    public synchronized long hits() {
        return hits;
    }

    public synchronized long misses() {
        return misses;
    }

    public synchronized void clear() {
        entries.values().forEach(v -> Arrays.fill(v, (byte) 0));
        entries.clear();
        bytes = 0;
    }

    @Override
    public synchronized String toString() {
        return "ItemCache[" + entries.size() + " entries]";
    }
}
