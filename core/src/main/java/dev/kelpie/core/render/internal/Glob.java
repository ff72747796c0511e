package dev.kelpie.core.render.internal;

import java.util.regex.Pattern;

/**
 * A glob as Argo CD's directory include/exclude takes it: {@code *} matches any run of
 * characters (slashes too, as Argo CD's matcher has no separators), {@code ?} one character,
 * {@code [abc]} a class, {@code {a,b}} alternatives. Immutable and thread-safe.
 */
public final class Glob {
    private final String text;
    private final Pattern pattern;

    private Glob(String text, Pattern pattern) {
        this.text = text;
        this.pattern = pattern;
    }

    /**
     * @throws IllegalArgumentException when braces or brackets do not close
     */
    public static Glob compile(String glob) {
        StringBuilder re = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                case '{' -> {
                    re.append("(?:");
                    depth++;
                }
                case '}' -> {
                    if (depth == 0) {
                        throw new IllegalArgumentException("glob '" + glob + "': unmatched '}'");
                    }
                    re.append(')');
                    depth--;
                }
                case ',' -> re.append(depth > 0 ? "|" : ",");
                case '[' -> {
                    int end = glob.indexOf(']', i + 1);
                    if (end < 0) {
                        throw new IllegalArgumentException("glob '" + glob + "': unmatched '['");
                    }
                    String cls = glob.substring(i + 1, end);
                    String body = cls.startsWith("!") ? "^" + cls.substring(1) : cls;
                    re.append('[').append(body.replace("\\", "\\\\").replace("[", "\\[")).append(']');
                    i = end;
                }
                case '\\' -> {
                    if (i + 1 < glob.length()) {
                        re.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
                    }
                }
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        if (depth != 0) {
            throw new IllegalArgumentException("glob '" + glob + "': unmatched '{'");
        }
        return new Glob(glob, Pattern.compile(re.toString()));
    }

    public boolean matches(String path) {
        return pattern.matcher(path).matches();
    }

    @Override
    public String toString() {
        return text;
    }
}
