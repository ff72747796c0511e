package dev.kelpie.core.plan;

import dev.kelpie.core.model.Resource;
import java.util.Objects;

/**
 * Decides whether a live object already matches its desired state. The planner's default is
 * a three-way comparison (the live object's last-applied configuration, desired, live) with
 * ignore rules; a caller may plug in another. Implementations are thread-safe.
 */
@FunctionalInterface
public interface LiveComparison {

    /** The verdict for one object. */
    Verdict compare(Resource desired, Resource live);

    /** In sync or not, and why (e.g. the first differing field). Immutable. */
    record Verdict(boolean inSync, String reason) {
        public Verdict {
            Objects.requireNonNull(reason, "reason");
        }

        public static Verdict matching() {
            return new Verdict(true, "in sync");
        }

        public static Verdict outOfSync(String reason) {
            return new Verdict(false, reason);
        }
    }
}
