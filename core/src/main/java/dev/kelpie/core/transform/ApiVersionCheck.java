package dev.kelpie.core.transform;

import dev.kelpie.core.model.Manifests;
import dev.kelpie.core.model.Resource;
import dev.kelpie.core.transform.internal.ApiRemovals;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds objects whose apiVersion the target Kubernetes version (from the context) has
 * deprecated or no longer serves, e.g. {@code extensions/v1beta1} Deployment, removed in 1.16.
 * Deprecated versions are warnings; removed ones are warnings too, or a
 * {@link RemovedApiException} listing every such object when built with
 * {@link #failingOnRemoved()}. Without a target version it changes nothing. Passes the manifests
 * through unchanged. Immutable and thread-safe.
 */
public final class ApiVersionCheck implements Transformer {
    private final boolean failOnRemoved;

    private ApiVersionCheck(boolean failOnRemoved) {
        this.failOnRemoved = failOnRemoved;
    }

    /** Reports deprecated and removed versions as warnings. */
    public static ApiVersionCheck warning() {
        return new ApiVersionCheck(false);
    }

    /** Reports deprecated versions as warnings and fails on removed ones. */
    public static ApiVersionCheck failingOnRemoved() {
        return new ApiVersionCheck(true);
    }

    @Override
    public Manifests apply(Manifests in, TransformContext ctx) {
        Optional<KubernetesVersion> target = ctx.kubernetesVersion();
        if (target.isEmpty()) {
            return in;
        }
        List<String> removed = new ArrayList<>();
        for (Resource r : in) {
            Optional<ApiRemovals.Entry> e = ApiRemovals.find(r.apiVersion(), r.kind());
            if (e.isEmpty() || target.get().compareTo(e.get().deprecatedIn()) < 0) {
                continue;
            }
            String use = e.get().replacement().isEmpty() ? "no replacement" : "use " + e.get().replacement();
            if (target.get().compareTo(e.get().removedIn()) >= 0) {
                String msg = r.origin() + ": " + r.id() + ": apiVersion " + r.apiVersion() + " was removed in Kubernetes "
                        + e.get().removedIn() + " (target " + target.get() + "); " + use;
                if (failOnRemoved) {
                    removed.add(msg);
                } else {
                    ctx.warn(msg);
                }
            } else {
                ctx.warn(r.origin() + ": " + r.id() + ": apiVersion " + r.apiVersion() + " is deprecated since "
                        + e.get().deprecatedIn() + " and removed in " + e.get().removedIn() + "; " + use);
            }
        }
        if (!removed.isEmpty()) {
            throw new RemovedApiException(removed);
        }
        return in;
    }
}
