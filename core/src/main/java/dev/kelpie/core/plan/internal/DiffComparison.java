package dev.kelpie.core.plan.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.kelpie.core.model.Resource;
import dev.kelpie.core.plan.LiveComparison;
import dev.kelpie.core.plan.SyncAnnotations;
import dev.kelpie.diff.DiffException;
import dev.kelpie.diff.DiffResult;
import dev.kelpie.diff.Differ;
import java.util.List;
import java.util.Locale;

/**
 * The planner's comparison: the diff module's three-way diff (last-applied configuration from
 * the live object's annotation, desired, live), which predicts the live object after
 * {@code kubectl apply}, normalises both sides and applies the ignore rules. An object the
 * diff cannot compare counts as out of sync, with the reason, so the apply reports the problem.
 * Immutable and thread-safe.
 */
public final class DiffComparison implements LiveComparison {
    private static final int SHOWN_PATHS = 3;
    private final Differ differ;

    public DiffComparison(Differ differ) {
        this.differ = differ;
    }

    @Override
    public Verdict compare(Resource desired, Resource live) {
        JsonNode lastApplied = SyncAnnotations.read(live, SyncAnnotations.LAST_APPLIED).map(TextNode::valueOf).orElse(null);
        try {
            DiffResult r = differ.threeWay(lastApplied, desired.unsafeTree(), live.unsafeTree());
            if (!r.modified()) {
                return Verdict.matching();
            }
            List<String> paths = r.changes().stream()
                    .map(c -> c.path() + " (" + c.type().name().toLowerCase(Locale.ROOT) + ")").toList();
            String shown = String.join(", ", paths.subList(0, Math.min(SHOWN_PATHS, paths.size())));
            int more = paths.size() - SHOWN_PATHS;
            return Verdict.outOfSync("differs at " + (shown.isEmpty() ? "(object)" : shown)
                    + (more > 0 ? " and " + more + " more" : ""));
        } catch (DiffException e) {
            return Verdict.outOfSync("cannot compare: " + e.getMessage());
        }
    }
}
