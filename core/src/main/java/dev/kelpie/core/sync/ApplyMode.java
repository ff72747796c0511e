package dev.kelpie.core.sync;

/** How objects are written to the cluster. */
public enum ApplyMode {
    /** Server-side apply under a field manager (the default, as {@code kubectl apply --server-side}). */
    SERVER_SIDE,
    /** kubectl's client-side apply: last-applied annotation and a three-way strategic merge patch. */
    CLIENT_SIDE
}
