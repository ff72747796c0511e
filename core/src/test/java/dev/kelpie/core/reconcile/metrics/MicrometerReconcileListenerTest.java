package dev.kelpie.core.reconcile.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelpie.core.health.ApplicationHealth;
import dev.kelpie.core.health.HealthStatus;
import dev.kelpie.core.model.ResourceId;
import dev.kelpie.core.reconcile.ReconcileEvent;
import dev.kelpie.core.reconcile.ReconcileResult;
import dev.kelpie.core.reconcile.SyncStatus;
import dev.kelpie.core.sync.StepOutcome;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MicrometerReconcileListenerTest {
    @Test
    void recordsDurationOutcomesAndDrift() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MicrometerReconcileListener listener = new MicrometerReconcileListener(registry);
        ResourceId id = ResourceId.of("v1", "ConfigMap", "ns", "a");
        listener.onResult(new ReconcileResult("shop", "abc", ReconcileResult.Phase.SUCCEEDED, SyncStatus.SYNCED,
                new ApplicationHealth(HealthStatus.HEALTHY, Map.of()), Optional.empty(),
                List.of(new StepOutcome.Created(id), new StepOutcome.Unchanged(id.withName("b"))), List.of(),
                Optional.empty(), Map.of("plan", Duration.ofMillis(5)), Instant.EPOCH));
        listener.onEvent(new ReconcileEvent("shop", ReconcileEvent.Type.SELF_HEAL, "healed", Instant.EPOCH));
        assertThat(registry.get("kelpie.reconcile.duration").tag("app", "shop").timer().count()).isEqualTo(1);
        assertThat(registry.get("kelpie.sync.outcomes").tag("outcome", "created").counter().count()).isEqualTo(1);
        assertThat(registry.get("kelpie.drift").counter().count()).isEqualTo(1);
    }
}
