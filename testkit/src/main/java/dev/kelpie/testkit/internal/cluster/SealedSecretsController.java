package dev.kelpie.testkit.internal.cluster;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.core.backend.WriteOptions;
import dev.kelpie.core.model.Resource;
import dev.kelpie.core.model.ResourceId;
import dev.kelpie.secrets.KeyRing;
import dev.kelpie.secrets.SealedSecrets;
import dev.kelpie.secrets.SecretsException;
import java.util.Set;

/**
 * The sealed-secrets controller, given its keys: serves {@code bitnami.com/v1alpha1
 * SealedSecret} and turns each one into the Secret it seals (owned by the SealedSecret, so
 * garbage collection removes it), reporting {@code Synced} in the SealedSecret's status. A
 * SealedSecret that does not open, or whose Secret exists unowned, reports {@code Synced=False}
 * with the reason (never a value). Runs under the cluster's lock.
 */
public final class SealedSecretsController {
    static final String MANAGER = "sealed-secrets-controller";
    private final ClusterState state;
    private final KeyRing keys;
    private final SealedSecrets sealedSecrets;

    public SealedSecretsController(ClusterState state, KeyRing keys) {
        this.state = state;
        this.keys = keys;
        this.sealedSecrets = SealedSecrets.of(state.clock, new java.security.SecureRandom());
        state.kinds.serve("bitnami.com", "SealedSecret", true, Set.of("v1alpha1"), true);
    }

    static boolean isSealedSecret(Resource r) {
        return r.id().group().equals("bitnami.com") && r.kind().equals("SealedSecret");
    }

    void sealedSecretWritten(Resource sealed) {
        if (sealed.unsafeTree().path("metadata").has("deletionTimestamp")) {
            return;
        }
        String problem = null;
        try {
            Resource secret = sealedSecrets.unseal(sealed, keys);
            problem = writeSecret(sealed, secret);
        } catch (SecretsException | dev.kelpie.core.backend.ApiException e) {
            problem = e.getMessage();
        }
        ObjectNode status = JsonNodeFactory.instance.objectNode();
        status.put("observedGeneration", sealed.unsafeTree().path("metadata").path("generation").asInt(1));
        ArrayNode conditions = status.putArray("conditions");
        ObjectNode c = conditions.addObject();
        c.put("type", "Synced").put("status", problem == null ? "True" : "False")
                .put("lastUpdateTime", state.now()).put("lastTransitionTime", state.now());
        if (problem != null) {
            c.put("reason", "ErrUnsealFailed").put("message", problem);
        }
        Resource current = state.store.get(sealed.id());
        if (current != null) {
            state.writeStatus(current, status);
        }
    }

    /** Creates or replaces the Secret; returns why it could not, or null. */
    private String writeSecret(Resource sealed, Resource secret) {
        ResourceId id = ResourceId.of("", "v1", "Secret", sealed.namespace(), sealed.name());
        Resource existing = state.store.get(id);
        String sealedUid = sealed.unsafeTree().path("metadata").path("uid").asText();
        ObjectNode obj = secret.object();
        ObjectNode md = Defaulting.ensure(obj, "metadata");
        md.put("name", sealed.name()).put("namespace", sealed.namespace());
        ArrayNode refs = md.putArray("ownerReferences");
        refs.addObject().put("apiVersion", sealed.apiVersion()).put("kind", "SealedSecret").put("name", sealed.name())
                .put("uid", sealedUid).put("controller", true);
        WriteOptions as = WriteOptions.defaults().withFieldManager(MANAGER);
        if (existing == null) {
            state.create(Resource.adopt(obj, sealed.origin()), as);
            return null;
        }
        boolean owned = false;
        for (var ref : existing.unsafeTree().path("metadata").path("ownerReferences")) {
            owned |= ref.path("uid").asText().equals(sealedUid);
        }
        if (!owned) {
            return "Resource \"" + sealed.name() + "\" already exists and is not managed by SealedSecret";
        }
        state.prepareRequest(id, obj);
        state.replace(existing, obj, dev.kelpie.testkit.internal.ssa.ManagedFieldsCodec.key(MANAGER, false, ""), null, false);
        return null;
    }
}
