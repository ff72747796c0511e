package dev.kelpie.core.yaml.internal;

import java.util.List;
import java.util.Map;

/**
 * Sorts mapping keys as go-yaml's encoder sorts the string keys of a map (its "natural" key
 * order), so that output matches {@code kustomize build} byte for byte. The comparison is not
 * guaranteed to be a total order for every set of keys, so small maps are sorted by insertion,
 * as Go itself sorts up to 12 elements, and a library sort that rejects an inconsistent order
 * falls back to it. Stateless.
 */
final class GoYamlKeyOrder {
    private GoYamlKeyOrder() {
    }

    /** Sorts the entries in place by key. */
    static <V> void sort(List<Map.Entry<String, V>> entries) {
        if (entries.size() > 12) {
            // Go sorts more than 12 keys with pdqsort; any sort gives its result while the order is
            // consistent, and a large map sorted by insertion would take quadratic time
            try {
                entries.sort((x, y) -> less(x.getKey(), y.getKey()) ? -1 : less(y.getKey(), x.getKey()) ? 1 : 0);
                return;
            } catch (IllegalArgumentException inconsistent) {
                // keys the comparison cannot order consistently: fall back to insertion below
            }
        }
        for (int i = 1; i < entries.size(); i++) {
            for (int j = i; j > 0 && less(entries.get(j).getKey(), entries.get(j - 1).getKey()); j--) {
                Map.Entry<String, V> t = entries.get(j);
                entries.set(j, entries.get(j - 1));
                entries.set(j - 1, t);
            }
        }
    }

    /**
     * Whether key {@code a} sorts before {@code b}. Walks both strings by code point without
     * copying them (this runs for every pair of keys an insertion sort compares): while the
     * code points are equal the two strings advance alike, so one char index serves both.
     */
    static boolean less(String a, String b) {
        boolean digits = false;
        int i = 0;
        while (i < a.length() && i < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(i);
            if (ca == cb) {
                digits = Character.isDigit(ca);
                i += Character.charCount(ca);
                continue;
            }
            boolean al = Character.isLetter(ca);
            boolean bl = Character.isLetter(cb);
            if (al && bl) {
                return ca < cb;
            }
            if (al || bl) {
                // after a digit a letter comes first ("1a" before "1-"), elsewhere last ("a_" before "ab")
                return digits ? al : bl;
            }
            long start = 0;
            if (ca == '0' || cb == '0') {
                // a zero inside a number ("10" vs "1x"): the digits before it make both sides non-zero
                for (int j = i - 1; j >= 0 && Character.isDigit(a.charAt(j)); j--) {
                    if (a.charAt(j) != '0') {
                        start = 1;
                        break;
                    }
                }
            }
            DigitRun ar = DigitRun.at(a, i, start);
            DigitRun br = DigitRun.at(b, i, start);
            if (ar.value() != br.value()) {
                return ar.value() < br.value();
            }
            if (ar.length() != br.length()) {
                return ar.length() < br.length();
            }
            return ca < cb;
        }
        return a.length() < b.length(); // one is a prefix of the other
    }

    /** The digits from {@code from} on, as go-yaml accumulates them (from {@code start}), and how many there are. */
    private record DigitRun(long value, int length) {
        static DigitRun at(String s, int from, long start) {
            long value = start;
            int length = 0;
            int i = from;
            while (i < s.length() && Character.isDigit(s.codePointAt(i))) {
                int cp = s.codePointAt(i);
                value = value * 10 + (cp - '0');
                i += Character.charCount(cp);
                length++;
            }
            return new DigitRun(value, length);
        }
    }
}
