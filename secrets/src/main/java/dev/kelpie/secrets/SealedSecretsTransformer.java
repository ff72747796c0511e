package dev.kelpie.secrets;

import dev.kelpie.core.model.Manifests;
import dev.kelpie.core.model.Resource;
import dev.kelpie.core.model.ResourceId;
import dev.kelpie.secrets.internal.ItemCache;
import dev.kelpie.secrets.internal.SealedSecretView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A render-pipeline step that replaces each {@code bitnami.com} SealedSecret by the Secret the
 * controller would create, when the engine holds the keys.
 *
 * <p>Failures follow the controller: a SealedSecret that does not unseal (any bad item, wrong
 * scope, unknown key) stays in the output unchanged and no Secret is produced; the failure is an
 * {@link TransformResult.Outcome.Failed} in {@link #transform} and a WARN line from
 * {@link #apply} (object, items and reasons, never values). A Secret of the same name already in
 * the manifests is replaced only when annotated {@code sealedsecrets.bitnami.com/managed: "true"},
 * otherwise the SealedSecret fails ("already exists and is not managed"), as in the controller.
 *
 * <p>Opened items are cached per instance, keyed by SHA-256 of (OAEP label, ciphertext), bounded
 * by entries and bytes: an unchanged SealedSecret costs no RSA operation on the next pass. The
 * cache holds plaintext in memory for the life of the instance. Thread-safe.
 *
 * <pre>{@code
 * SealedSecretsTransformer t = SealedSecretsTransformer.builder(ring).build();
 * Manifests rendered = t.apply(manifests);
 * }</pre>
 */
public final class SealedSecretsTransformer {
    private static final Logger LOG = LoggerFactory.getLogger(SealedSecretsTransformer.class);
    /** Annotation that lets an unsealed Secret replace an existing one (controller semantics). */
    public static final String MANAGED_ANNOTATION = "sealedsecrets.bitnami.com/managed";

    private final KeyRing ring;
    private final SealedSecrets sealedSecrets;
    private final ItemCache cache;

    private SealedSecretsTransformer(Builder b) {
        this.ring = b.ring;
        this.sealedSecrets = b.sealedSecrets;
        this.cache = new ItemCache(b.cacheEntries, b.cacheBytes);
    }

    public static Builder builder(KeyRing ring) {
        return new Builder(ring);
    }

    /**
     * The manifests with SealedSecrets unsealed; failed ones stay in place and are logged at WARN.
     */
    public Manifests apply(Manifests in) {
        TransformResult r = transform(in);
        for (TransformResult.Outcome.Failed f : r.failures()) {
            LOG.warn("SealedSecret left sealed: {}", f.cause().getMessage());
        }
        return r.manifests();
    }

    /** Unseals every SealedSecret of {@code in}; see the class comment for failures. */
    public TransformResult transform(Manifests in) {
        Objects.requireNonNull(in, "in");
        Map<ResourceId, Resource> unsealed = new HashMap<>();
        List<TransformResult.Outcome> outcomes = new ArrayList<>();
        for (Resource r : in) {
            if (!SealedSecretView.isSealedSecret(r)) {
                continue;
            }
            try {
                Resource secret = sealedSecrets.unseal(r, ring, cache);
                Resource existing = in.get(secret.id()).orElse(null);
                if (existing != null && !"true".equals(existing.annotations().get(MANAGED_ANNOTATION))) {
                    throw new SecretsException(r.id() + ": Secret " + secret.id() + " already exists in the manifests and is not managed"
                            + " (annotate it " + MANAGED_ANNOTATION + ": \"true\" to let the SealedSecret replace it)");
                }
                unsealed.put(r.id(), secret);
                outcomes.add(new TransformResult.Outcome.Unsealed(r.id(), secret.id()));
            } catch (SecretsException e) {
                outcomes.add(new TransformResult.Outcome.Failed(r.id(), e));
            }
        }
        if (unsealed.isEmpty()) {
            return new TransformResult(in, outcomes);
        }
        java.util.Set<ResourceId> replacedSecrets = new java.util.HashSet<>();
        unsealed.values().forEach(s -> replacedSecrets.add(s.id()));
        Manifests.Builder out = Manifests.builder();
        for (Resource r : in) {
            Resource secret = unsealed.get(r.id());
            if (secret != null) {
                out.add(secret);
            } else if (!(r.kind().equals("Secret") && r.id().group().isEmpty() && replacedSecrets.contains(r.id()))) {
                out.add(r);
            }
        }
        LOG.debug("unsealed {} SealedSecrets, {} failed", unsealed.size(), outcomes.size() - unsealed.size());
        return new TransformResult(out.build(), outcomes);
    }

    /** RSA private-key operations so far (zero for a pass over unchanged SealedSecrets). */
    public long rsaPrivateOperations() {
        return sealedSecrets.rsaPrivateOperations();
    }

    /** Cached items. */
    public int cachedItems() {
        return cache.size();
    }

    /** Drops (and zeroes) every cached plaintext. */
    public void clearCache() {
        cache.clear();
    }

    @Override
    public String toString() {
        return "SealedSecretsTransformer[" + ring + ", " + cache + "]";
    }

    /** Settings with safe defaults: 10,000 cached items, 64 MiB of cached plaintext. Not thread-safe. */
    public static final class Builder {
        private final KeyRing ring;
        private SealedSecrets sealedSecrets = SealedSecrets.defaults();
        private int cacheEntries = 10_000;
        private long cacheBytes = 64L * 1024 * 1024;

        private Builder(KeyRing ring) {
            this.ring = Objects.requireNonNull(ring, "ring");
        }

        public Builder sealedSecrets(SealedSecrets s) {
            this.sealedSecrets = Objects.requireNonNull(s, "sealedSecrets");
            return this;
        }

        /** Most items cached (default 10,000). */
        public Builder cacheEntries(int n) {
            if (n <= 0) {
                throw new IllegalArgumentException("cacheEntries must be positive");
            }
            this.cacheEntries = n;
            return this;
        }

        /** Most plaintext bytes cached (default 64 MiB); larger items are not cached. */
        public Builder cacheBytes(long n) {
            if (n <= 0) {
                throw new IllegalArgumentException("cacheBytes must be positive");
            }
            this.cacheBytes = n;
            return this;
        }

        public SealedSecretsTransformer build() {
            return new SealedSecretsTransformer(this);
        }
    }
}
