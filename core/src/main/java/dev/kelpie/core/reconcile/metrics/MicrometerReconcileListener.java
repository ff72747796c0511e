package dev.kelpie.core.reconcile.metrics;

import dev.kelpie.core.reconcile.ReconcileEvent;
import dev.kelpie.core.reconcile.ReconcileListener;
import dev.kelpie.core.reconcile.ReconcileResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Objects;

/**
 * Publishes the loop's metrics to Micrometer (an optional dependency: add
 * {@code io.micrometer:micrometer-core} to use it):
 * <ul>
 *   <li>{@code kelpie.reconcile.duration} (timer, tags {@code app}, {@code phase});</li>
 *   <li>{@code kelpie.sync.outcomes} (counter, tags {@code app}, {@code outcome}: created,
 *       configured, unchanged, pruned, skipped, failed);</li>
 *   <li>{@code kelpie.drift} (counter, tag {@code app}: drift detected or healed).</li>
 * </ul>
 * Thread-safe.
 */
public final class MicrometerReconcileListener implements ReconcileListener {
    private final MeterRegistry registry;

    public MicrometerReconcileListener(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public void onResult(ReconcileResult result) {
        Duration total = result.timings().values().stream().reduce(Duration.ZERO, Duration::plus);
        Timer.builder("kelpie.reconcile.duration").description("time of one reconcile pass")
                .tag("app", result.app()).tag("phase", result.phase().name().toLowerCase(java.util.Locale.ROOT))
                .register(registry).record(total);
        result.counts().forEach((outcome, n) -> Counter.builder("kelpie.sync.outcomes")
                .description("objects by what a sync did to them")
                .tag("app", result.app()).tag("outcome", outcome).register(registry).increment(n));
    }

    @Override
    public void onEvent(ReconcileEvent event) {
        if (event.type() == ReconcileEvent.Type.DRIFT_DETECTED || event.type() == ReconcileEvent.Type.SELF_HEAL) {
            Counter.builder("kelpie.drift").description("drift seen in the cluster").tag("app", event.app())
                    .register(registry).increment();
        }
    }
}
