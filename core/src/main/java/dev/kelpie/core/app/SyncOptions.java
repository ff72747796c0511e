package dev.kelpie.core.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Application-wide sync options (Argo CD's {@code syncOptions}): CreateNamespace, PruneLast,
 * ApplyOutOfSyncOnly, PrunePropagationPolicy (foreground by default), Replace,
 * ServerSideApply, FailOnSharedResource. Immutable and thread-safe.
 */
public record SyncOptions(boolean createNamespace, boolean pruneLast, boolean applyOutOfSyncOnly,
                          PropagationPolicy prunePropagationPolicy, boolean replace, boolean serverSideApply,
                          boolean failOnSharedResource) {

    public SyncOptions {
        Objects.requireNonNull(prunePropagationPolicy, "prunePropagationPolicy");
    }

    public static SyncOptions defaults() {
        return new SyncOptions(false, false, false, PropagationPolicy.FOREGROUND, false, false, false);
    }

    /**
     * Parses Argo CD's {@code Key=Value} list; options it does not know are returned in
     * {@code unknown}.
     *
     * @throws IllegalArgumentException for a known option with a bad value
     */
    public static SyncOptions parse(List<String> options, List<String> unknown) {
        boolean createNs = false, pruneLast = false, outOfSyncOnly = false, replace = false, ssa = false, failShared = false;
        PropagationPolicy propagation = PropagationPolicy.FOREGROUND;
        for (String o : options) {
            int eq = o.indexOf('=');
            String key = eq < 0 ? o.trim() : o.substring(0, eq).trim();
            String value = eq < 0 ? "" : o.substring(eq + 1).trim();
            switch (key) {
                case "CreateNamespace" -> createNs = bool(key, value);
                case "PruneLast" -> pruneLast = bool(key, value);
                case "ApplyOutOfSyncOnly" -> outOfSyncOnly = bool(key, value);
                case "Replace" -> replace = bool(key, value);
                case "ServerSideApply" -> ssa = bool(key, value);
                case "FailOnSharedResource" -> failShared = bool(key, value);
                case "PrunePropagationPolicy" -> propagation = propagation(value);
                default -> unknown.add(o);
            }
        }
        return new SyncOptions(createNs, pruneLast, outOfSyncOnly, propagation, replace, ssa, failShared);
    }

    /** The options as Argo CD's list spells them (defaults left out). */
    public List<String> toList() {
        List<String> out = new ArrayList<>();
        if (createNamespace) {
            out.add("CreateNamespace=true");
        }
        if (pruneLast) {
            out.add("PruneLast=true");
        }
        if (applyOutOfSyncOnly) {
            out.add("ApplyOutOfSyncOnly=true");
        }
        if (prunePropagationPolicy != PropagationPolicy.FOREGROUND) {
            out.add("PrunePropagationPolicy=" + prunePropagationPolicy.optionValue());
        }
        if (replace) {
            out.add("Replace=true");
        }
        if (serverSideApply) {
            out.add("ServerSideApply=true");
        }
        if (failOnSharedResource) {
            out.add("FailOnSharedResource=true");
        }
        return out;
    }

    private static boolean bool(String key, String value) {
        if (value.equals("true")) {
            return true;
        }
        if (value.equals("false")) {
            return false;
        }
        throw new IllegalArgumentException(key + ": expected true or false, got '" + value + "'");
    }

    private static PropagationPolicy propagation(String value) {
        for (PropagationPolicy p : PropagationPolicy.values()) {
            if (p.optionValue().equals(value)) {
                return p;
            }
        }
        throw new IllegalArgumentException("PrunePropagationPolicy: expected foreground, background or orphan, got '"
                + value + "'");
    }
}
