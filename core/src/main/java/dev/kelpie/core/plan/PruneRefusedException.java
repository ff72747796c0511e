package dev.kelpie.core.plan;

import dev.kelpie.core.KelpieException;
import java.util.List;
import java.util.stream.Collectors;

/** A prune guard refused; {@link #refusals()} says which and why. */
public class PruneRefusedException extends KelpieException {
    private static final long serialVersionUID = 1L;
    private final transient List<PruneRefusal> refusals;

    public PruneRefusedException(List<PruneRefusal> refusals) {
        super("prune refused: " + refusals.stream().map(PruneRefusal::message).collect(Collectors.joining("; ")));
        this.refusals = List.copyOf(refusals);
    }

    public List<PruneRefusal> refusals() {
        return refusals;
    }
}
