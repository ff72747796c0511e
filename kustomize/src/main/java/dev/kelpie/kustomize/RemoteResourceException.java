package dev.kelpie.kustomize;

/**
 * A remote entry of {@code resources:} or {@code components:} was refused (remote resources
 * not enabled, an unsupported URL) or could not be fetched (unknown repository or ref, timeout).
 * The message names the kustomization file and the URL.
 */
public final class RemoteResourceException extends KustomizeException {
    private static final long serialVersionUID = 1L;
    private final String url;

    public RemoteResourceException(String url, String message) {
        super(message);
        this.url = url;
    }

    public RemoteResourceException(String url, String message, Throwable cause) {
        super(message, cause);
        this.url = url;
    }

    /** The entry as the kustomization wrote it. */
    public String url() {
        return url;
    }
}
