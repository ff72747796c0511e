package dev.kelpie.core.health.internal;

import static dev.kelpie.core.health.internal.StatusFields.condition;
import static dev.kelpie.core.health.internal.StatusFields.conditionIs;
import static dev.kelpie.core.health.internal.StatusFields.status;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kelpie.core.health.Health;
import dev.kelpie.core.health.HealthStatus;
import dev.kelpie.core.model.Resource;
import java.util.Optional;

/**
 * Health of PersistentVolumeClaims, HorizontalPodAutoscalers, APIServices,
 * CustomResourceDefinitions and Namespaces, as Argo CD and kstatus judge them. Stateless.
 */
public final class ClusterObjectHealth {
    private ClusterObjectHealth() {
    }

    public static Health persistentVolumeClaim(Resource r) {
        String phase = status(r).path("phase").asText("");
        return switch (phase) {
            case "Lost" -> Health.degraded("claim lost its volume");
            case "Pending" -> Health.progressing("claim is pending");
            case "Bound" -> Health.healthy("");
            default -> new Health(HealthStatus.UNKNOWN, phase.isEmpty() ? "no phase reported" : "phase " + phase);
        };
    }

    public static Health horizontalPodAutoscaler(Resource r) {
        for (JsonNode c : status(r).path("conditions")) {
            String reason = c.path("reason").asText("");
            if ("False".equals(c.path("status").asText())
                    && (reason.startsWith("Failed") || reason.equals("InvalidSelector") || reason.equals("InvalidMetricSourceType"))) {
                return Health.degraded(StatusFields.message(c));
            }
        }
        if (conditionIs(r, "ScalingActive", "True") || conditionIs(r, "AbleToScale", "True")) {
            return Health.healthy("");
        }
        return Health.progressing("Waiting to Autoscale");
    }

    public static Health apiService(Resource r) {
        Optional<JsonNode> available = condition(r, "Available");
        if (available.isPresent() && "True".equals(available.get().path("status").asText())) {
            return Health.healthy(StatusFields.message(available.get()));
        }
        return Health.progressing(available.map(StatusFields::message).orElse("Waiting to be processed"));
    }

    public static Health customResourceDefinition(Resource r) {
        if (StatusFields.terminating(r)) {
            return Health.progressing("CRD is terminating");
        }
        Optional<JsonNode> names = condition(r, "NamesAccepted");
        if (names.isPresent() && "False".equals(names.get().path("status").asText())) {
            return Health.degraded(StatusFields.message(names.get()));
        }
        if (conditionIs(r, "Established", "True")) {
            return Health.healthy("");
        }
        return Health.progressing("Waiting for the CRD to be established");
    }

    public static Health namespace(Resource r) {
        String phase = status(r).path("phase").asText("Active");
        return phase.equals("Terminating") ? Health.progressing("Namespace is terminating") : Health.healthy("");
    }
}
