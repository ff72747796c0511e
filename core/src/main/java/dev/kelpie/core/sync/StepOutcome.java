package dev.kelpie.core.sync;

import dev.kelpie.core.model.ResourceId;
import java.util.Objects;

/** What happened to one object during a sync. Immutable and thread-safe. */
public sealed interface StepOutcome {
    ResourceId id();

    /** A short word for tables: created, configured, unchanged, pruned, skipped, failed. */
    String word();

    /** The object did not exist and was created. */
    record Created(ResourceId id) implements StepOutcome {
        public Created {
            Objects.requireNonNull(id, "id");
        }

        @Override
        public String word() {
            return "created";
        }
    }

    /** The object existed and was changed; {@code how} says by which means (server-side apply, patch, replace, recreate). */
    record Configured(ResourceId id, String how) implements StepOutcome {
        public Configured {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(how, "how");
        }

        @Override
        public String word() {
            return "configured";
        }
    }

    /** The object already matched. */
    record Unchanged(ResourceId id) implements StepOutcome {
        public Unchanged {
            Objects.requireNonNull(id, "id");
        }

        @Override
        public String word() {
            return "unchanged";
        }
    }

    /** The object left Git and was deleted. */
    record Pruned(ResourceId id) implements StepOutcome {
        public Pruned {
            Objects.requireNonNull(id, "id");
        }

        @Override
        public String word() {
            return "pruned";
        }
    }

    /** Nothing was done, for the reason given. */
    record Skipped(ResourceId id, String reason) implements StepOutcome {
        public Skipped {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String word() {
            return "skipped";
        }
    }

    /** The step failed; {@code retriable} when trying again later may succeed. The message never holds secret values. */
    record Failed(ResourceId id, String message, boolean retriable) implements StepOutcome {
        public Failed {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public String word() {
            return "failed";
        }
    }
}
