package dev.kelpie.kustomize.internal;

import dev.kelpie.kustomize.KustomizeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A Kubernetes label selector string ({@code a=b,c!=d,e in (x,y),!f,g}). Immutable. */
record LabelSelector(List<Requirement> requirements) {
    static final LabelSelector EVERYTHING = new LabelSelector(List.of());

    enum Op { EQ, NEQ, IN, NOTIN, EXISTS, NOT_EXISTS }

    record Requirement(String key, Op op, Set<String> values) {
        boolean matchesValue(String v) {
            return switch (op) {
                case EQ, IN -> v != null && values.contains(v);
                case NEQ, NOTIN -> v == null || !values.contains(v);
                case EXISTS -> v != null;
                case NOT_EXISTS -> v == null;
            };
        }
    }

    static LabelSelector parse(String s) {
        if (s == null || s.isBlank()) {
            return EVERYTHING;
        }
        List<Requirement> out = new ArrayList<>();
        for (String part : splitTopLevel(s)) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            out.add(requirement(p, s));
        }
        return new LabelSelector(List.copyOf(out));
    }

    private static Requirement requirement(String p, String whole) {
        if (p.startsWith("!")) {
            return new Requirement(p.substring(1).trim(), Op.NOT_EXISTS, Set.of());
        }
        String[] words = p.split("\\s+", 2);
        if (words.length == 2 && (words[1].startsWith("in ") || words[1].startsWith("in(") || words[1].startsWith("notin"))) {
            boolean notIn = words[1].startsWith("notin");
            String rest = words[1].substring(notIn ? 5 : 2).trim();
            if (!rest.startsWith("(") || !rest.endsWith(")")) {
                throw new KustomizeException("invalid selector \"" + whole + "\"");
            }
            Set<String> values = new java.util.HashSet<>();
            for (String v : rest.substring(1, rest.length() - 1).split(",")) {
                values.add(v.trim());
            }
            return new Requirement(words[0], notIn ? Op.NOTIN : Op.IN, values);
        }
        int ne = p.indexOf("!=");
        if (ne > 0) {
            return new Requirement(p.substring(0, ne).trim(), Op.NEQ, Set.of(p.substring(ne + 2).trim()));
        }
        int eq = p.indexOf("==");
        if (eq > 0) {
            return new Requirement(p.substring(0, eq).trim(), Op.EQ, Set.of(p.substring(eq + 2).trim()));
        }
        eq = p.indexOf('=');
        if (eq > 0) {
            return new Requirement(p.substring(0, eq).trim(), Op.EQ, Set.of(p.substring(eq + 1).trim()));
        }
        return new Requirement(p, Op.EXISTS, Set.of());
    }

    private static List<String> splitTopLevel(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        StringBuilder cur = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
            if (c == ',' && depth == 0) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    /** Against an object's labels or annotations as they sit in its tree ({@code null}: none). */
    boolean matches(com.fasterxml.jackson.databind.node.ObjectNode labels) {
        for (Requirement r : requirements) {
            com.fasterxml.jackson.databind.JsonNode v = labels == null ? null : labels.get(r.key());
            if (!r.matchesValue(v == null ? null : v.asText())) {
                return false;
            }
        }
        return true;
    }
}
