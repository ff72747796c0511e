package dev.kelpie.core.health.internal;

import static dev.kelpie.core.health.internal.StatusFields.spec;
import static dev.kelpie.core.health.internal.StatusFields.status;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kelpie.core.health.Health;
import dev.kelpie.core.health.HealthStatus;
import dev.kelpie.core.model.Resource;
import java.util.Set;

/**
 * Pod health as Argo CD judges it: by phase; a running pod that restarts always is healthy
 * when every container is ready; a container stuck pulling its image or crash-looping makes the
 * pod degraded. Stateless.
 */
public final class PodHealth {
    private static final Set<String> BROKEN = Set.of("CrashLoopBackOff", "ErrImagePull", "ImagePullBackOff",
            "CreateContainerConfigError", "InvalidImageName", "CreateContainerError", "ErrImageNeverPull");

    private PodHealth() {
    }

    public static Health pod(Resource r) {
        JsonNode st = status(r);
        String broken = brokenContainer(st);
        String phase = st.path("phase").asText("");
        switch (phase) {
            case "Pending":
                return broken != null ? Health.degraded(broken) : Health.progressing(st.path("message").asText(""));
            case "Succeeded":
                return Health.healthy(st.path("message").asText(""));
            case "Failed":
                return Health.degraded(st.path("message").asText("pod failed"));
            case "Running":
                if (broken != null) {
                    return Health.degraded(broken);
                }
                String restart = spec(r).path("restartPolicy").asText("Always");
                if (restart.equals("Always") && allReady(st)) {
                    return Health.healthy(st.path("message").asText(""));
                }
                return Health.progressing(st.path("message").asText(""));
            default:
                return phase.isEmpty() ? Health.progressing("pod has no phase yet")
                        : new Health(HealthStatus.UNKNOWN, st.path("message").asText("phase " + phase));
        }
    }

    private static boolean allReady(JsonNode st) {
        JsonNode cs = st.path("containerStatuses");
        if (!cs.isArray() || cs.isEmpty()) {
            return false;
        }
        for (JsonNode c : cs) {
            if (!c.path("ready").asBoolean(false)) {
                return false;
            }
        }
        return true;
    }

    private static String brokenContainer(JsonNode st) {
        for (String field : new String[] {"initContainerStatuses", "containerStatuses"}) {
            for (JsonNode c : st.path(field)) {
                JsonNode waiting = c.path("state").path("waiting");
                String reason = waiting.path("reason").asText("");
                if (BROKEN.contains(reason)) {
                    String msg = waiting.path("message").asText("");
                    return c.path("name").asText("container") + ": " + reason + (msg.isEmpty() ? "" : ": " + msg);
                }
            }
        }
        return null;
    }
}
