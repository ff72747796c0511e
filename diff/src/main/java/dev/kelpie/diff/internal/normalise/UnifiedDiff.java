package dev.kelpie.diff.internal.normalise;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff (3 lines of context) of two objects rendered as YAML, with Secret values
 * masked, like {@code kubectl diff} prints ({@code diff -u -N}).
 */
public final class UnifiedDiff {
    private static final int CONTEXT = 3;

    private UnifiedDiff() {
    }

    /** Renders live (-) against predicted (+). */
    public static String render(ObjectNode live, ObjectNode predicted, String name) {
        ObjectNode[] masked = SecretMask.mask(live, predicted);
        List<String> a = lines(YamlText.write(masked[0]));
        List<String> b = lines(YamlText.write(masked[1]));
        return "--- live/" + name + "\n+++ merged/" + name + "\n" + hunks(a, b);
    }

    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        if (!text.isEmpty()) {
            for (String l : text.split("\n", -1)) {
                out.add(l);
            }
            if (out.get(out.size() - 1).isEmpty()) {
                out.remove(out.size() - 1);
            }
        }
        return out;
    }

    /** Edit script by LCS; fine for objects of a few thousand lines. */
    static String hunks(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int prefix = 0;
        while (prefix < n && prefix < m && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < n - prefix && suffix < m - prefix && a.get(n - 1 - suffix).equals(b.get(m - 1 - suffix))) {
            suffix++;
        }
        int an = n - prefix - suffix;
        int bn = m - prefix - suffix;
        int[][] lcs = new int[an + 1][bn + 1];
        for (int i = an - 1; i >= 0; i--) {
            for (int j = bn - 1; j >= 0; j--) {
                lcs[i][j] = a.get(prefix + i).equals(b.get(prefix + j)) ? lcs[i + 1][j + 1] + 1
                        : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        // ops: ' ' keep, '-' delete, '+' insert, over the whole files
        List<char[]> ops = new ArrayList<>();
        List<String> text = new ArrayList<>();
        for (int i = 0; i < prefix; i++) {
            ops.add(new char[] {' '});
            text.add(a.get(i));
        }
        int i = 0;
        int j = 0;
        while (i < an || j < bn) {
            if (i < an && j < bn && a.get(prefix + i).equals(b.get(prefix + j))) {
                ops.add(new char[] {' '});
                text.add(a.get(prefix + i));
                i++;
                j++;
            } else if (i < an && (j >= bn || lcs[i + 1][j] >= lcs[i][j + 1])) {
                ops.add(new char[] {'-'});
                text.add(a.get(prefix + i));
                i++;
            } else {
                ops.add(new char[] {'+'});
                text.add(b.get(prefix + j));
                j++;
            }
        }
        for (int k = 0; k < suffix; k++) {
            ops.add(new char[] {' '});
            text.add(a.get(n - suffix + k));
        }
        return format(ops, text);
    }

    private static String format(List<char[]> ops, List<String> text) {
        StringBuilder out = new StringBuilder();
        int k = 0;
        int total = ops.size();
        while (k < total) {
            if (ops.get(k)[0] == ' ') {
                k++;
                continue;
            }
            int start = Math.max(0, k - CONTEXT);
            int end = k;
            int lastChange = k;
            while (end < total) {
                if (ops.get(end)[0] != ' ') {
                    lastChange = end;
                } else if (end - lastChange > 2 * CONTEXT) {
                    break;
                }
                end++;
            }
            end = Math.min(total, lastChange + CONTEXT + 1);
            int aStart = 0;
            int bStart = 0;
            for (int x = 0; x < start; x++) {
                char c = ops.get(x)[0];
                if (c != '+') {
                    aStart++;
                }
                if (c != '-') {
                    bStart++;
                }
            }
            int aLen = 0;
            int bLen = 0;
            StringBuilder body = new StringBuilder();
            for (int x = start; x < end; x++) {
                char c = ops.get(x)[0];
                if (c != '+') {
                    aLen++;
                }
                if (c != '-') {
                    bLen++;
                }
                body.append(c).append(text.get(x)).append('\n');
            }
            out.append("@@ -").append(aLen == 0 ? aStart : aStart + 1).append(',').append(aLen)
                    .append(" +").append(bLen == 0 ? bStart : bStart + 1).append(',').append(bLen).append(" @@\n")
                    .append(body);
            k = end;
        }
        return out.toString();
    }
}
