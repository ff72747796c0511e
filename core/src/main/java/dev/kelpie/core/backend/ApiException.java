package dev.kelpie.core.backend;

import dev.kelpie.core.KelpieException;
import dev.kelpie.core.model.ResourceId;
import java.util.Optional;

/**
 * A failure the Kubernetes API reports: an HTTP status, a reason as the API names it, and the
 * object concerned. Retriable failures (409 Conflict, 429, 5xx, timeouts, dropped connections)
 * say so through {@link #isRetriable()}.
 */
public class ApiException extends KelpieException {
    private static final long serialVersionUID = 1L;

    /** The API's status reasons that reconciliation tells apart. */
    public enum Reason {
        NOT_FOUND(404), ALREADY_EXISTS(409), CONFLICT(409), INVALID(422), BAD_REQUEST(400),
        FORBIDDEN(403), METHOD_NOT_ALLOWED(405), TOO_MANY_REQUESTS(429), INTERNAL_ERROR(500),
        SERVICE_UNAVAILABLE(503), TIMEOUT(504), CONNECTION_DROPPED(0);

        private final int status;

        Reason(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Reason reason;
    private final transient ResourceId object;

    public ApiException(Reason reason, ResourceId object, String message) {
        super(prefix(reason, object) + message);
        this.reason = reason;
        this.object = object;
    }

    private static String prefix(Reason reason, ResourceId object) {
        String code = reason.status() == 0 ? "connection dropped" : String.valueOf(reason.status());
        return (object == null ? "" : object + ": ") + code + " " + reason.name() + ": ";
    }

    public Reason reason() {
        return reason;
    }

    /** The HTTP status, 0 when no response arrived. */
    public int status() {
        return reason.status();
    }

    public Optional<ResourceId> object() {
        return Optional.ofNullable(object);
    }

    /** Whether trying again later may succeed. */
    public boolean isRetriable() {
        return switch (reason) {
            case CONFLICT, TOO_MANY_REQUESTS, INTERNAL_ERROR, SERVICE_UNAVAILABLE, TIMEOUT, CONNECTION_DROPPED -> true;
            default -> false;
        };
    }
}
