package dev.kelpie.secrets.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The subset of Go {@code text/template} (with sprig names) that SealedSecret
 * {@code spec.template.data} uses in practice, executed over item-key → decrypted string as the
 * controller does. Supported: literal text; actions with {@code {{-}}/{@code -}}} trimming and
 * comments; {@code .key}; string literals; {@code index . "key"}; pipelines; the functions
 * {@code toJson toString quote squote b64enc b64dec upper lower trim trimSpace print}.
 * Anything else (control structures, variables, other functions) is refused with a message, so
 * a template is never half-rendered. A missing {@code .key} prints {@code <no value>} as Go does.
 * Stateless and thread-safe.
 */
public final class GoTemplate {
    private GoTemplate() {
    }

    /** Refused or failed template; the message quotes template syntax only, never values. */
    public static final class TemplateException extends Exception {
        private static final long serialVersionUID = 1L;

        TemplateException(String message) {
            super(message, null, false, false);
        }
    }

    public static String render(String text, Map<String, String> values) throws TemplateException {
        StringBuilder out = new StringBuilder();
        int pos = 0;
        boolean trimNextLeft = false;
        while (pos <= text.length()) {
            int open = text.indexOf("{{", pos);
            String literal = open < 0 ? text.substring(pos) : text.substring(pos, open);
            if (trimNextLeft) {
                literal = literal.stripLeading();
            }
            if (open < 0) {
                out.append(literal);
                break;
            }
            int bodyStart = open + 2;
            boolean trimLeft = text.startsWith("- ", bodyStart) || text.startsWith("-\t", bodyStart) || text.startsWith("-\n", bodyStart);
            if (trimLeft) {
                literal = literal.stripTrailing();
                bodyStart++;
            }
            out.append(literal);
            int close = text.indexOf("}}", bodyStart);
            if (close < 0) {
                throw new TemplateException("unclosed action (missing \"}}\")");
            }
            int bodyEnd = close;
            trimNextLeft = close > bodyStart && text.charAt(close - 1) == '-' && Character.isWhitespace(text.charAt(close - 2));
            if (trimNextLeft) {
                bodyEnd--;
            }
            String action = text.substring(bodyStart, bodyEnd).trim();
            if (!(action.startsWith("/*") && action.endsWith("*/"))) {
                out.append(evalPipeline(action, values));
            }
            pos = close + 2;
        }
        return out.toString();
    }

    private static String evalPipeline(String action, Map<String, String> values) throws TemplateException {
        List<String> commands = splitOutsideQuotes(action, '|');
        String result = null;
        for (String command : commands) {
            List<String> words = words(command.trim());
            if (words.isEmpty()) {
                throw new TemplateException("empty command in \"{{" + action + "}}\"");
            }
            result = evalCommand(words, result, values, action);
        }
        return result;
    }

    private static String evalCommand(List<String> words, String piped, Map<String, String> values, String action)
            throws TemplateException {
        String head = words.get(0);
        if (words.size() == 1 && piped == null && !isFunction(head)) {
            return operand(head, values, action);
        }
        if (!isFunction(head)) {
            throw new TemplateException("unsupported template action \"{{" + action + "}}\"");
        }
        List<String> args = new ArrayList<>();
        if (head.equals("index")) {
            if (words.size() != 3 || !words.get(1).equals(".")) {
                throw new TemplateException("unsupported index expression in \"{{" + action + "}}\"");
            }
            String key = operand(words.get(2), values, action);
            String v = values.get(key);
            return v == null ? "" : v;
        }
        for (String w : words.subList(1, words.size())) {
            args.add(operand(w, values, action));
        }
        if (piped != null) {
            args.add(piped);
        }
        return call(head, args, action);
    }

    private static boolean isFunction(String w) {
        return switch (w) {
            case "toJson", "toString", "quote", "squote", "b64enc", "b64dec", "upper", "lower", "trim", "trimSpace", "print", "index" -> true;
            default -> false;
        };
    }

    private static String call(String fn, List<String> args, String action) throws TemplateException {
        if (fn.equals("print")) {
            return String.join("", args);
        }
        if (fn.equals("quote") || fn.equals("squote")) {
            List<String> q = new ArrayList<>();
            for (String a : args) {
                q.add(fn.equals("quote") ? goQuote(a) : "'" + a + "'");
            }
            return String.join(" ", q);
        }
        if (args.size() != 1) {
            throw new TemplateException(fn + " takes one argument in \"{{" + action + "}}\"");
        }
        String a = args.get(0);
        return switch (fn) {
            case "toJson" -> goJson(a);
            case "toString" -> a;
            case "b64enc" -> Base64.getEncoder().encodeToString(a.getBytes(StandardCharsets.UTF_8));
            case "b64dec" -> b64dec(a);
            case "upper" -> a.toUpperCase(Locale.ROOT);
            case "lower" -> a.toLowerCase(Locale.ROOT);
            case "trim", "trimSpace" -> a.strip();
            default -> throw new TemplateException("unsupported function " + fn);
        };
    }

    private static String b64dec(String a) {
        try {
            return new String(Base64.getDecoder().decode(a), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return e.getMessage(); // sprig returns the error text as the value
        }
    }

    private static String operand(String w, Map<String, String> values, String action) throws TemplateException {
        if (w.startsWith("\"") && w.endsWith("\"") && w.length() >= 2) {
            return unquote(w.substring(1, w.length() - 1), action);
        }
        if (w.startsWith("`") && w.endsWith("`") && w.length() >= 2) {
            return w.substring(1, w.length() - 1);
        }
        if (w.startsWith(".") && w.length() > 1 && w.indexOf('.', 1) < 0 && isIdentifier(w.substring(1))) {
            String v = values.get(w.substring(1));
            return v == null ? "<no value>" : v;
        }
        throw new TemplateException("unsupported operand \"" + w + "\" in \"{{" + action + "}}\"");
    }

    private static boolean isIdentifier(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_')) {
                return false;
            }
        }
        return !s.isEmpty() && !Character.isDigit(s.charAt(0));
    }

    private static String unquote(String s, String action) throws TemplateException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (++i >= s.length()) {
                throw new TemplateException("bad string literal in \"{{" + action + "}}\"");
            }
            char e = s.charAt(i);
            switch (e) {
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'r' -> b.append('\r');
                case '\\', '"' -> b.append(e);
                default -> throw new TemplateException("unsupported escape \\" + e + " in \"{{" + action + "}}\"");
            }
        }
        return b.toString();
    }

    private static List<String> splitOutsideQuotes(String s, char sep) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                cur.append(c);
                if (c == '\\' && quote == '"' && i + 1 < s.length()) {
                    cur.append(s.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '`') {
                quote = c;
                cur.append(c);
            } else if (c == sep) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    private static List<String> words(String command) {
        List<String> out = new ArrayList<>();
        for (String w : splitOutsideQuotes(command.replace('\t', ' ').replace('\n', ' '), ' ')) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    /** Go's {@code %q}-like quoting as sprig's quote produces it (strconv.Quote). */
    static String goQuote(String s) {
        StringBuilder b = new StringBuilder("\"");
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (cp < 0x20 || cp == 0x7f) {
                        b.append(String.format("\\x%02x", cp));
                    } else {
                        b.appendCodePoint(cp);
                    }
                }
            }
        });
        return b.append('"').toString();
    }

    /** A JSON string as Go's encoding/json writes it (HTML characters escaped). */
    static String goJson(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '<', '>', '&', '\u2028', '\u2029' -> b.append(String.format("\\u%04x", (int) c));
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
