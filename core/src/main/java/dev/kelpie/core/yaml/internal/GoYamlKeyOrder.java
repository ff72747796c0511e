package dev.kelpie.core.yaml.internal;

import java.util.List;
import java.util.Map;

/**
 * Sorts mapping keys as go-yaml's encoder sorts the string keys of a map (its "natural" key
 * order), so that output matches {@code kustomize build} byte for byte. The comparison is not
 * guaranteed to be a total order for every set of keys, so the sort is an insertion sort, the
 * one Go itself runs on small slices, rather than a library sort that may reject it. Stateless.
 */
final class GoYamlKeyOrder {
    private GoYamlKeyOrder() {
    }

    /** Sorts the entries in place by key. */
    static <V> void sort(List<Map.Entry<String, V>> entries) {
        for (int i = 1; i < entries.size(); i++) {
            for (int j = i; j > 0 && less(entries.get(j).getKey(), entries.get(j - 1).getKey()); j--) {
                Map.Entry<String, V> t = entries.get(j);
                entries.set(j, entries.get(j - 1));
                entries.set(j - 1, t);
            }
        }
    }

    /** Whether key {@code a} sorts before {@code b}. */
    static boolean less(String a, String b) {
        int[] ar = a.codePoints().toArray();
        int[] br = b.codePoints().toArray();
        boolean digits = false;
        for (int i = 0; i < ar.length && i < br.length; i++) {
            if (ar[i] == br[i]) {
                digits = Character.isDigit(ar[i]);
                continue;
            }
            boolean al = Character.isLetter(ar[i]);
            boolean bl = Character.isLetter(br[i]);
            if (al && bl) {
                return ar[i] < br[i];
            }
            if (al || bl) {
                // after a digit a letter comes first ("1a" before "1-"), elsewhere last ("a_" before "ab")
                return digits ? al : bl;
            }
            long an = 0;
            long bn = 0;
            if (ar[i] == '0' || br[i] == '0') {
                // a zero inside a number ("10" vs "1x"): the digits before it make both sides non-zero
                for (int j = i - 1; j >= 0 && Character.isDigit(ar[j]); j--) {
                    if (ar[j] != '0') {
                        an = 1;
                        bn = 1;
                        break;
                    }
                }
            }
            int ai = i;
            while (ai < ar.length && Character.isDigit(ar[ai])) {
                an = an * 10 + (ar[ai] - '0');
                ai++;
            }
            int bi = i;
            while (bi < br.length && Character.isDigit(br[bi])) {
                bn = bn * 10 + (br[bi] - '0');
                bi++;
            }
            if (an != bn) {
                return an < bn;
            }
            if (ai != bi) {
                return ai < bi;
            }
            return ar[i] < br[i];
        }
        return ar.length < br.length;
    }
}
