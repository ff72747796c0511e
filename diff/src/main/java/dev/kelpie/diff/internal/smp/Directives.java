package dev.kelpie.diff.internal.smp;

/** The special keys of strategic merge patch. */
final class Directives {
    static final String PATCH = "$patch";
    static final String DELETE = "delete";
    static final String REPLACE = "replace";
    static final String MERGE = "merge";
    static final String RETAIN_KEYS_STRATEGY = "retainKeys";
    static final String RETAIN_KEYS = "$retainKeys";
    static final String DELETE_FROM_PRIMITIVE_LIST = "$deleteFromPrimitiveList";
    static final String SET_ELEMENT_ORDER = "$setElementOrder";

    private Directives() {
    }

    /** (retainKeys?, other strategy) from a field's strategies, as apimachinery splits them. */
    static Strategy strategy(FieldMeta meta, Trail path) {
        var s = meta.strategies();
        switch (s.size()) {
            case 0:
                return new Strategy(false, "");
            case 1:
                return RETAIN_KEYS_STRATEGY.equals(s.get(0)) ? new Strategy(true, "") : new Strategy(false, s.get(0));
            case 2:
                if (RETAIN_KEYS_STRATEGY.equals(s.get(0))) {
                    return new Strategy(true, s.get(1));
                }
                if (RETAIN_KEYS_STRATEGY.equals(s.get(1))) {
                    return new Strategy(true, s.get(0));
                }
                break;
            default:
                break;
        }
        throw new dev.kelpie.diff.DiffException(path.operation(), path.render(), "unexpected patch strategy: " + s);
    }

    /** A field's patch strategy split into the retainKeys flag and the list/map strategy. */
    record Strategy(boolean retainKeys, String patchStrategy) {
        boolean isMerge() {
            return MERGE.equals(patchStrategy);
        }

        boolean isReplace() {
            return REPLACE.equals(patchStrategy);
        }
    }
}
