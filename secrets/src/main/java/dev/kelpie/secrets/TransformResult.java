package dev.kelpie.secrets;

import dev.kelpie.core.model.Manifests;
import dev.kelpie.core.model.ResourceId;
import java.util.List;
import java.util.Objects;

/**
 * What {@link SealedSecretsTransformer#transform} did: the output manifests and one outcome per
 * SealedSecret. Holds no values. Immutable and thread-safe.
 *
 * @param manifests the input with every unsealed SealedSecret replaced by its Secret, in place
 * @param outcomes  one per SealedSecret, in input order
 */
public record TransformResult(Manifests manifests, List<Outcome> outcomes) {

    public TransformResult {
        Objects.requireNonNull(manifests, "manifests");
        outcomes = List.copyOf(outcomes);
    }

    /** The failed SealedSecrets only. */
    public List<Outcome.Failed> failures() {
        return outcomes.stream().filter(Outcome.Failed.class::isInstance).map(Outcome.Failed.class::cast).toList();
    }

    /** What happened to one SealedSecret. */
    public sealed interface Outcome {
        ResourceId sealedSecret();

        /** Replaced by the Secret {@code secret}. */
        record Unsealed(ResourceId sealedSecret, ResourceId secret) implements Outcome {
            public Unsealed {
                Objects.requireNonNull(sealedSecret, "sealedSecret");
                Objects.requireNonNull(secret, "secret");
            }
        }

        /**
         * Left in place, no Secret produced, as the controller does (it records {@code Synced=False}
         * and writes no Secret). {@code cause} names the items and reasons, never values.
         */
        record Failed(ResourceId sealedSecret, SecretsException cause) implements Outcome {
            public Failed {
                Objects.requireNonNull(sealedSecret, "sealedSecret");
                Objects.requireNonNull(cause, "cause");
            }
        }
    }
}
