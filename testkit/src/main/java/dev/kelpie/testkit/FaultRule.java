package dev.kelpie.testkit;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * When to inject a {@link Fault}: on which verbs and kinds, after how many matching calls, how
 * many times at most, and with which probability (drawn from the cluster's seeded random, so a
 * seed replays the same faults). Immutable and thread-safe.
 *
 * <pre>{@code
 * FaultRule.on(Verb.APPLY).kind("apps", "Deployment").fault(Fault.tooManyRequests()).times(2)
 * FaultRule.onAnyVerb().fault(Fault.droppedConnection()).afterCalls(5)
 * }</pre>
 *
 * @param verbs       the verbs it applies to
 * @param group       the API group, or {@code "*"} for any
 * @param kind        the kind, or {@code "*"} for any
 * @param fault       what happens
 * @param afterCalls  matching calls that pass before the rule fires (a dropped connection after N calls)
 * @param times       how often it fires at most ({@code Integer.MAX_VALUE}: always)
 * @param probability chance of firing on an eligible call, in [0, 1]
 */
public record FaultRule(Set<Verb> verbs, String group, String kind, Fault fault, int afterCalls, int times,
        double probability) {
    public static final String ANY = "*";

    public FaultRule {
        verbs = Set.copyOf(verbs);
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(fault, "fault");
        if (verbs.isEmpty()) {
            throw new IllegalArgumentException("verbs must not be empty");
        }
        if (afterCalls < 0 || times < 0) {
            throw new IllegalArgumentException("afterCalls and times must not be negative");
        }
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be in [0, 1], got " + probability);
        }
    }

    /** A rule for these verbs, any kind, failing with 500 every time until changed. */
    public static FaultRule on(Verb first, Verb... more) {
        EnumSet<Verb> v = EnumSet.of(first, more);
        return new FaultRule(v, ANY, ANY, Fault.internalError(), 0, Integer.MAX_VALUE, 1.0);
    }

    public static FaultRule onAnyVerb() {
        return new FaultRule(EnumSet.allOf(Verb.class), ANY, ANY, Fault.internalError(), 0, Integer.MAX_VALUE, 1.0);
    }

    public FaultRule kind(String g, String k) {
        return new FaultRule(verbs, g, k, fault, afterCalls, times, probability);
    }

    public FaultRule fault(Fault f) {
        return new FaultRule(verbs, group, kind, f, afterCalls, times, probability);
    }

    public FaultRule afterCalls(int n) {
        return new FaultRule(verbs, group, kind, fault, n, times, probability);
    }

    public FaultRule times(int n) {
        return new FaultRule(verbs, group, kind, fault, afterCalls, n, probability);
    }

    public FaultRule withProbability(double p) {
        return new FaultRule(verbs, group, kind, fault, afterCalls, times, p);
    }

    /** Whether the rule concerns a call of {@code verb} on {@code group}/{@code kind}. */
    public boolean matches(Verb verb, String g, String k) {
        return verbs.contains(verb) && (group.equals(ANY) || group.equals(g)) && (kind.equals(ANY) || kind.equals(k));
    }
}
