package dev.kelpie.diff.internal.patch;

import java.util.ArrayList;
import java.util.List;

/** An RFC 6901 JSON pointer, parsed into unescaped reference tokens. Immutable. */
public record JsonPointer(String text, List<String> tokens) {
    public JsonPointer {
        tokens = List.copyOf(tokens);
    }

    /** Parses {@code text}; {@code ""} is the whole document. */
    public static JsonPointer parse(String text) {
        if (text.isEmpty()) {
            return new JsonPointer(text, List.of());
        }
        if (text.charAt(0) != '/') {
            throw new IllegalArgumentException("JSON pointer must start with '/': \"" + text + "\"");
        }
        List<String> tokens = new ArrayList<>();
        for (String raw : text.substring(1).split("/", -1)) {
            StringBuilder sb = new StringBuilder(raw.length());
            for (int i = 0; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (c == '~') {
                    char next = i + 1 < raw.length() ? raw.charAt(i + 1) : ' ';
                    if (next == '0') {
                        sb.append('~');
                    } else if (next == '1') {
                        sb.append('/');
                    } else {
                        throw new IllegalArgumentException("invalid escape in JSON pointer \"" + text + "\"");
                    }
                    i++;
                } else {
                    sb.append(c);
                }
            }
            tokens.add(sb.toString());
        }
        return new JsonPointer(text, tokens);
    }

    /** Escapes one token ({@code ~} to {@code ~0}, {@code /} to {@code ~1}). */
    public static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    boolean isRoot() {
        return tokens.isEmpty();
    }

    JsonPointer parent() {
        return new JsonPointer(text.substring(0, text.lastIndexOf('/')), tokens.subList(0, tokens.size() - 1));
    }

    String last() {
        return tokens.get(tokens.size() - 1);
    }

    boolean isProperPrefixOf(JsonPointer other) {
        return other.tokens.size() > tokens.size() && other.tokens.subList(0, tokens.size()).equals(tokens);
    }
}
