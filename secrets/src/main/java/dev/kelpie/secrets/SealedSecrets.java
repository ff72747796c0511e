package dev.kelpie.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.core.model.Resource;
import dev.kelpie.secrets.internal.HybridCipher;
import dev.kelpie.secrets.internal.ItemCache;
import dev.kelpie.secrets.internal.ItemOpenException;
import dev.kelpie.secrets.internal.ItemOpener;
import dev.kelpie.secrets.internal.SealedSecretView;
import dev.kelpie.secrets.internal.SecretSealer;
import dev.kelpie.secrets.internal.SecretUnsealer;
import dev.kelpie.secrets.internal.StrictBase64;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seals, unseals, re-encrypts, validates and merges Bitnami SealedSecrets, byte-compatible with
 * kubeseal and the sealed-secrets controller (RSA-OAEP SHA-256 wrapping a one-time AES-256-GCM
 * key per item, the scope bound through the OAEP label). Build once and share.
 *
 * <pre>{@code
 * SealedSecrets ss = SealedSecrets.defaults();
 * SealingKey cert = SealingKey.read(Path.of("cert.pem"));
 * Resource sealed = ss.seal(secret, cert);                            // kubeseal --cert cert.pem
 * KeyRing ring = KeyRing.of(UnsealingKey.read(Path.of("tls.key")));
 * Resource plain = ss.unseal(sealed, ring);                           // kubeseal --recovery-unseal
 * Resource rotated = ss.reseal(sealed, ring);                         // kubeseal --re-encrypt
 * boolean ok = ss.validate(sealed, ring).isUnsealable();              // kubeseal --validate
 * }</pre>
 *
 * Values and key material never reach a log, exception message or {@code toString()}.
 * Thread-safe.
 */
public final class SealedSecrets {
    private static final Logger LOG = LoggerFactory.getLogger(SealedSecrets.class);
    private final Clock clock;
    private final SecureRandom random;
    private final LongAdder rsaPrivateOps = new LongAdder();

    private SealedSecrets(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    /** System UTC clock and a new {@link SecureRandom}. */
    public static SealedSecrets defaults() {
        return new SealedSecrets(Clock.systemUTC(), new SecureRandom());
    }

    /** With another clock (certificate expiry) and randomness source. */
    public static SealedSecrets of(Clock clock, SecureRandom random) {
        return new SealedSecrets(Objects.requireNonNull(clock, "clock"), Objects.requireNonNull(random, "random"));
    }

    public Clock clock() {
        return clock;
    }

    /** RSA private-key operations done so far (for tests and metrics; the costly step of unsealing). */
    public long rsaPrivateOperations() {
        return rsaPrivateOps.sum();
    }

    /** Seals a Secret with kubeseal's default options; see {@link #seal(JsonNode, SealingKey, SealOptions)}. */
    public Resource seal(Resource secret, SealingKey key) {
        return seal(secret.unsafeTree(), key, SealOptions.defaults()).withOrigin(secret.origin());
    }

    /**
     * Seals a Secret (a tree, since kubeseal's refusals include Secrets that are not valid objects,
     * such as one without a name) into a {@code bitnami.com/v1alpha1} SealedSecret.
     *
     * @throws ExpiredCertificateException when {@code key}'s certificate has expired
     * @throws SealRefusedException        for what kubeseal refuses (empty data, no name, no namespace, mismatch)
     */
    public Resource seal(JsonNode secret, SealingKey key, SealOptions options) {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(options, "options");
        key.requireUnexpired(clock);
        ObjectNode sealed = SecretSealer.seal(secret, key.publicKey(), options, random);
        Resource out = Resource.adopt(sealed, dev.kelpie.core.model.Origin.UNKNOWN);
        LOG.debug("sealed {} with key {} ({} items)", out.id(), key.fingerprint(), sealed.path("spec").path("encryptedData").size());
        return out;
    }

    /**
     * Seals one value as {@code kubeseal --raw}: standard base64, no newline. Strict scope needs
     * {@code namespace} and {@code name}; namespace-wide needs {@code namespace}; cluster-wide needs neither
     * (pass {@code ""}).
     *
     * @throws SealRefusedException when a required namespace or name is empty
     */
    public String sealRaw(byte[] value, SealingKey key, Scope scope, String namespace, String name) {
        Objects.requireNonNull(value, "value");
        key.requireUnexpired(clock);
        checkRawTarget(scope, namespace, name);
        return StrictBase64.encode(HybridCipher.seal(key.publicKey(), scope.label(namespace, name), value, random));
    }

    private static void checkRawTarget(Scope scope, String namespace, String name) {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        if (scope != Scope.CLUSTER_WIDE && namespace.isEmpty()) {
            throw new SealRefusedException(SealRefusedException.Reason.MISSING_NAMESPACE, "<raw>",
                    scope.flag() + " scope needs a namespace (--namespace)");
        }
        if (scope == Scope.STRICT && name.isEmpty()) {
            throw new SealRefusedException(SealRefusedException.Reason.MISSING_NAME, "<raw>", "strict scope needs a name (--name)");
        }
    }

    /**
     * The Secret the controller would create: template metadata, type and immutable, owner reference
     * to the SealedSecret, every item opened with any key of the ring, template data rendered.
     *
     * @throws UnsealException when any item (or the object) fails; no partial Secret
     */
    public Resource unseal(Resource sealedSecret, KeyRing ring) {
        return unseal(sealedSecret, ring, null);
    }

    Resource unseal(Resource sealedSecret, KeyRing ring, ItemCache cache) {
        SealedSecretView view = SealedSecretView.of(sealedSecret);
        Map<String, byte[]> plain = SecretUnsealer.openItems(view, opener(ring, cache));
        ObjectNode secret = SecretUnsealer.buildSecret(view, plain);
        LOG.debug("unsealed {} ({} items)", view.object(), view.items().size());
        return Resource.adopt(secret, sealedSecret.origin());
    }

    /**
     * Opens one raw value (as sealed by {@code kubeseal --raw}) for {@code scope} of {@code namespace/name}.
     *
     * @throws UnsealException when it does not open
     */
    public byte[] unsealRaw(String base64, KeyRing ring, Scope scope, String namespace, String name) {
        Objects.requireNonNull(base64, "base64");
        try {
            return opener(ring, null).open(base64, scope, namespace, name);
        } catch (ItemOpenException e) {
            throw UnsealException.of("raw value (" + scope.flag() + ")", List.of(e.toFailure("<raw>")));
        }
    }

    /**
     * Re-encrypts every item for the ring's active key, same scope, everything else unchanged: the
     * offline {@code kubeseal --re-encrypt}.
     *
     * @throws UnsealException             when an item does not open with the ring
     * @throws ExpiredCertificateException when the active certificate has expired
     */
    public Resource reseal(Resource sealedSecret, KeyRing ring) {
        return reseal(sealedSecret, ring, ring.sealingKey(clock));
    }

    /**
     * Re-encrypts every item for {@code target} (a certificate the ring may not hold), same scope.
     *
     * @throws UnsealException             when an item does not open with the ring
     * @throws ExpiredCertificateException when {@code target} has expired
     */
    public Resource reseal(Resource sealedSecret, KeyRing ring, SealingKey target) {
        SealingKey active = target.requireUnexpired(clock);
        SealedSecretView view = SealedSecretView.of(sealedSecret);
        if (view.legacyData().isPresent()) {
            throw MalformedSealedSecretException.of(view.object(), "uses the deprecated spec.data field; re-seal it from the Secret");
        }
        Map<String, byte[]> plain = SecretUnsealer.openItems(view, opener(ring, null));
        try {
            byte[] label = view.scope().label(view.namespace(), view.name());
            ObjectNode tree = sealedSecret.object();
            ObjectNode encrypted = ((ObjectNode) tree.get("spec")).putObject("encryptedData");
            plain.forEach((k, v) -> encrypted.put(k, StrictBase64.encode(HybridCipher.seal(active.publicKey(), label, v, random))));
            tree.remove("status");
            LOG.debug("re-encrypted {} for key {}", view.object(), active.fingerprint());
            return Resource.adopt(tree, sealedSecret.origin());
        } finally {
            SecretUnsealer.wipe(plain);
        }
    }

    /** Whether every item opens with the ring; values are opened and discarded at once. */
    public Validation validate(Resource sealedSecret, KeyRing ring) {
        String object = sealedSecret.id().toString();
        try {
            SealedSecretView view = SealedSecretView.of(sealedSecret);
            object = view.object();
            Map<String, byte[]> plain = SecretUnsealer.openItems(view, opener(ring, null));
            SecretUnsealer.wipe(plain);
            return new Validation.Unsealable(object, List.copyOf(view.items().keySet()));
        } catch (UnsealException e) {
            return new Validation.NotUnsealable(object, e.failures(), e.getMessage());
        }
    }

    /**
     * Seals {@code secret} under {@code existing}'s name and namespace and merges the new items and
     * template labels and annotations into it, as {@code kubeseal --merge-into}. Unless
     * {@code options} forces a scope, the existing object's scope is used, so the new items open
     * with the same label as the old ones (kubeseal would seal them for the Secret's own scope).
     *
     * @throws MalformedSealedSecretException when {@code existing} is not a SealedSecret
     * @throws SealRefusedException           when kubeseal would refuse the Secret
     */
    public Resource mergeInto(Resource existing, JsonNode secret, SealingKey key, SealOptions options) {
        SealedSecretView view = SealedSecretView.of(existing);
        ObjectNode input = secret.deepCopy();
        if (input.path("metadata").isObject()) {
            ((ObjectNode) input.get("metadata")).remove("namespace");
        }
        SealOptions.Builder b = options.toBuilder().name(view.name());
        if (!view.namespace().isEmpty()) {
            b.namespace(view.namespace());
        }
        if (options.scope().isEmpty()) {
            b.scope(view.scope());
        }
        ObjectNode update = seal(input, key, b.build()).object();
        ObjectNode merged = existing.object();
        ObjectNode spec = (ObjectNode) merged.get("spec");
        ObjectNode encrypted = spec.path("encryptedData").isObject() ? (ObjectNode) spec.get("encryptedData") : spec.putObject("encryptedData");
        update.path("spec").path("encryptedData").fields().forEachRemaining(e -> encrypted.set(e.getKey(), e.getValue()));
        ObjectNode template = spec.path("template").isObject() ? (ObjectNode) spec.get("template") : spec.putObject("template");
        ObjectNode tmd = template.path("metadata").isObject() ? (ObjectNode) template.get("metadata") : template.putObject("metadata");
        for (String m : List.of("annotations", "labels")) {
            JsonNode add = update.path("spec").path("template").path("metadata").path(m);
            if (add.isObject() && !add.isEmpty()) {
                ObjectNode target = tmd.path(m).isObject() ? (ObjectNode) tmd.get(m) : tmd.putObject(m);
                add.fields().forEachRemaining(e -> target.set(e.getKey(), e.getValue()));
            }
        }
        return Resource.adopt(merged, existing.origin());
    }

    private ItemOpener opener(KeyRing ring, ItemCache cache) {
        List<RSAPrivateCrtKey> keys = new ArrayList<>(ring.size());
        ring.keys().forEach(k -> keys.add(k.privateKey()));
        return new ItemOpener(keys, rsaPrivateOps, cache);
    }

    @Override
    public String toString() {
        return "SealedSecrets[clock=" + clock + "]";
    }
}
