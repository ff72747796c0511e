package dev.kelpie.secrets;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The keys a controller holds: all of them unseal; the active one seals. As the controller, the
 * active key is the one whose certificate has the latest notBefore, unless chosen explicitly.
 * Duplicate keys (same fingerprint) are kept once. Immutable and thread-safe.
 *
 * <pre>{@code
 * KeyRing ring = KeyRing.of(UnsealingKey.read(Path.of("old.key")), UnsealingKey.read(Path.of("new.key")));
 * Resource secret = SealedSecrets.defaults().unseal(sealedSecret, ring);
 * }</pre>
 */
public final class KeyRing {
    private final List<UnsealingKey> keys;
    private final UnsealingKey active;

    private KeyRing(List<UnsealingKey> keys, UnsealingKey active) {
        this.keys = keys;
        this.active = active;
    }

    public static KeyRing of(UnsealingKey... keys) {
        return of(List.of(keys));
    }

    /**
     * A ring of these keys, the newest certificate active.
     *
     * @throws IllegalArgumentException when {@code keys} is empty
     */
    public static KeyRing of(List<UnsealingKey> keys) {
        Map<String, UnsealingKey> unique = new LinkedHashMap<>();
        for (UnsealingKey k : keys) {
            Objects.requireNonNull(k, "key");
            UnsealingKey prior = unique.get(k.fingerprint());
            if (prior == null || (prior.certificate().isEmpty() && k.certificate().isPresent())) {
                unique.put(k.fingerprint(), k);
            }
        }
        if (unique.isEmpty()) {
            throw new IllegalArgumentException("a key ring needs at least one key");
        }
        List<UnsealingKey> ordered = new ArrayList<>(unique.values());
        // newest first: the key most likely to have sealed recent objects is tried first
        ordered.sort(Comparator.comparing((UnsealingKey k) -> k.certificate().map(SealingKey::notBefore).orElse(java.time.Instant.MIN))
                .reversed());
        UnsealingKey newest = ordered.get(0).certificate().isPresent() ? ordered.get(0) : null;
        return new KeyRing(List.copyOf(ordered), newest);
    }

    /**
     * The same keys with another active key.
     *
     * @throws IllegalArgumentException when no key has this fingerprint or it has no certificate
     */
    public KeyRing withActive(String fingerprint) {
        UnsealingKey k = find(fingerprint).orElseThrow(() -> new IllegalArgumentException("no key " + fingerprint + " in the ring"));
        if (k.certificate().isEmpty()) {
            throw new IllegalArgumentException("key " + fingerprint + " has no certificate and cannot seal");
        }
        return new KeyRing(keys, k);
    }

    /** All keys, newest certificate first (keys without certificate last). */
    public List<UnsealingKey> keys() {
        return keys;
    }

    public int size() {
        return keys.size();
    }

    public Optional<UnsealingKey> find(String fingerprint) {
        return keys.stream().filter(k -> k.fingerprint().equals(fingerprint)).findFirst();
    }

    /** The key that seals, when any key has a certificate. */
    public Optional<UnsealingKey> active() {
        return Optional.ofNullable(active);
    }

    /**
     * The active key's certificate, refused when expired.
     *
     * @throws SecretsException when no key of the ring has a certificate
     * @throws ExpiredCertificateException when it has expired
     */
    public SealingKey sealingKey(Clock clock) {
        if (active == null) {
            throw new SecretsException("the key ring has no certificate to seal with (keys: " + fingerprints() + "); give the certificate (--cert)");
        }
        return active.certificate().orElseThrow().requireUnexpired(clock);
    }

    private List<String> fingerprints() {
        return keys.stream().map(UnsealingKey::fingerprint).toList();
    }

    /** Fingerprints only. */
    @Override
    public String toString() {
        return "KeyRing" + fingerprints() + (active == null ? "" : " active=" + active.fingerprint());
    }
}
