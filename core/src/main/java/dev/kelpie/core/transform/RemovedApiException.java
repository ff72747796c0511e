package dev.kelpie.core.transform;

import dev.kelpie.core.render.RenderException;
import java.util.List;

/** Objects use API versions the target Kubernetes version no longer serves; lists them all. */
public class RemovedApiException extends RenderException {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public RemovedApiException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** One line per object. */
    public List<String> problems() {
        return problems;
    }
}
