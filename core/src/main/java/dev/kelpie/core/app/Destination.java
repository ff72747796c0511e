package dev.kelpie.core.app;

import java.util.Objects;

/**
 * Where an application deploys: the namespace objects without one land in ({@code ""}: none)
 * and the cluster's name ({@code in-cluster} for the cluster Kelpie runs in). Immutable.
 */
public record Destination(String namespace, String cluster) {
    public static final String IN_CLUSTER = "in-cluster";

    public Destination {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(cluster, "cluster");
    }

    public static Destination of(String namespace) {
        return new Destination(namespace, IN_CLUSTER);
    }
}
