package dev.kelpie.testkit.internal.cluster;

import dev.kelpie.core.backend.ApiException;
import dev.kelpie.core.model.ResourceId;
import dev.kelpie.testkit.Fault;
import dev.kelpie.testkit.FaultRule;
import dev.kelpie.testkit.ManualClock;
import dev.kelpie.testkit.Verb;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Applies {@link FaultRule}s to calls: counts matching calls per rule, draws probabilities from
 * a seeded random (so a seed replays the same run), advances a {@link ManualClock} for latency.
 * Thread-safe (synchronized).
 */
public final class FaultInjector {
    private final List<State> rules = new CopyOnWriteArrayList<>();
    private final Random random;
    private final Clock clock;

    private static final class State {
        final FaultRule rule;
        int seen;
        int fired;

        State(FaultRule rule) {
            this.rule = rule;
        }
    }

    public FaultInjector(long seed, Clock clock, List<FaultRule> initial) {
        this.random = new Random(seed);
        this.clock = clock;
        initial.forEach(this::add);
    }

    public void add(FaultRule rule) {
        rules.add(new State(rule));
    }

    public void clear() {
        rules.clear();
    }

    /**
     * Runs the faults for one call.
     *
     * @throws ApiException when a failure rule fires
     */
    public void before(Verb verb, String group, String kind, ResourceId object) {
        for (State s : rules) {
            Fault fire;
            synchronized (this) {
                if (!s.rule.matches(verb, group, kind)) {
                    continue;
                }
                s.seen++;
                if (s.seen <= s.rule.afterCalls() || s.fired >= s.rule.times()) {
                    continue;
                }
                if (s.rule.probability() < 1.0 && random.nextDouble() >= s.rule.probability()) {
                    continue;
                }
                s.fired++;
                fire = s.rule.fault();
            }
            if (fire instanceof Fault.Latency l) {
                wait(l);
            } else if (fire instanceof Fault.Failure f) {
                throw new ApiException(f.reason(), object, "injected fault on " + verb + " " + kind
                        + " (" + describe(f.reason()) + ")");
            }
        }
    }

    private void wait(Fault.Latency l) {
        if (clock instanceof ManualClock manual) {
            manual.advance(l.delay());
            return;
        }
        try {
            Thread.sleep(l.delay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(ApiException.Reason.TIMEOUT, null, "interrupted while injecting latency");
        }
    }

    private static String describe(ApiException.Reason r) {
        return switch (r) {
            case CONFLICT -> "the object has been modified; please apply your changes to the latest version and try again";
            case TOO_MANY_REQUESTS -> "the server has received too many requests and has asked us to try again later";
            case TIMEOUT -> "the server was unable to return a response in the time allotted";
            case CONNECTION_DROPPED -> "connection reset by peer";
            default -> "the server encountered an internal error";
        };
    }
}
