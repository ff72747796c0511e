package dev.kelpie.core.health.internal;

import static dev.kelpie.core.health.internal.StatusFields.spec;
import static dev.kelpie.core.health.internal.StatusFields.status;

import dev.kelpie.core.health.Health;
import dev.kelpie.core.model.Resource;

/**
 * Service and Ingress health as Argo CD judges them: a LoadBalancer Service and an Ingress are
 * progressing until the load balancer reports an address; other Services are healthy. Stateless.
 */
public final class NetworkHealth {
    private NetworkHealth() {
    }

    public static Health service(Resource r) {
        if (!"LoadBalancer".equals(spec(r).path("type").asText(""))) {
            return Health.healthy("");
        }
        return hasAddress(r) ? Health.healthy("") : Health.progressing("Waiting for the load balancer address");
    }

    public static Health ingress(Resource r) {
        return hasAddress(r) ? Health.healthy("") : Health.progressing("Waiting for the ingress address");
    }

    private static boolean hasAddress(Resource r) {
        var ingress = status(r).path("loadBalancer").path("ingress");
        return ingress.isArray() && !ingress.isEmpty();
    }
}
