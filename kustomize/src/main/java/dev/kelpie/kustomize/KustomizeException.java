package dev.kelpie.kustomize;

import dev.kelpie.core.render.RenderException;

/**
 * A kustomize build failed: a bad kustomization, a missing file, a patch without a target, a
 * duplicate object, a file outside the allowed root. The message names the kustomization file
 * and field. Root of the module's exceptions.
 */
public class KustomizeException extends RenderException {
    private static final long serialVersionUID = 1L;

    public KustomizeException(String message) {
        super(message);
    }

    public KustomizeException(String message, Throwable cause) {
        super(message, cause);
    }
}
