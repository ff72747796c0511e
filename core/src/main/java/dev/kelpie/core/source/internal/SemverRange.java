package dev.kelpie.core.source.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A semver constraint as Flux's GitRepository {@code ref.semver} takes it (Masterminds
 * semver syntax): comparators {@code = != > >= < <=}, tilde {@code ~1.2}, caret {@code ^1.2},
 * wildcards {@code 1.2.x}, {@code *}, hyphen ranges {@code 1.2 - 1.4}, AND by comma or space,
 * OR by {@code ||}. Prereleases match only when a comparator names a prerelease. Immutable.
 */
public final class SemverRange {
    private static final Pattern COMPARATOR = Pattern.compile(
            "(=|!=|>=|<=|>|<|~>?|\\^)?\\s*(v?[0-9xX*]+(?:\\.[0-9xX*]+)?(?:\\.[0-9xX*]+)?(?:-[0-9A-Za-z.-]+)?(?:\\+[0-9A-Za-z.-]+)?)");

    private record Bound(String op, SemanticVersion version) {
        boolean test(SemanticVersion v) {
            int c = v.compareTo(version);
            return switch (op) {
                case "=" -> c == 0;
                case "!=" -> c != 0;
                case ">" -> c > 0;
                case ">=" -> c >= 0;
                case "<" -> c < 0;
                default -> c <= 0;
            };
        }
    }

    private final List<List<Bound>> alternatives;
    private final boolean allowsPrerelease;

    private SemverRange(List<List<Bound>> alternatives, boolean allowsPrerelease) {
        this.alternatives = alternatives;
        this.allowsPrerelease = allowsPrerelease;
    }

    /** The range, or empty when the text is not a constraint. */
    public static Optional<SemverRange> parse(String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        List<List<Bound>> alts = new ArrayList<>();
        boolean pre = false;
        for (String alt : t.split("\\|\\|")) {
            String a = alt.trim().replaceAll("\\s+-\\s+", " - ");
            List<Bound> all = new ArrayList<>();
            String[] tokens = a.replace(",", " ").trim().split("\\s+");
            for (int i = 0; i < tokens.length; i++) {
                if (i + 2 < tokens.length && tokens[i + 1].equals("-")) {
                    Optional<List<Bound>> lo = expand(">=", tokens[i]);
                    Optional<List<Bound>> hi = expand("<=", tokens[i + 2]);
                    if (lo.isEmpty() || hi.isEmpty()) {
                        return Optional.empty();
                    }
                    all.addAll(lo.get());
                    all.addAll(hi.get());
                    i += 2;
                    continue;
                }
                String tok = tokens[i];
                if (i + 1 < tokens.length && tok.matches("(=|!=|>=|<=|>|<|~>?|\\^)")) {
                    tok = tok + tokens[++i];
                }
                Matcher m = COMPARATOR.matcher(tok);
                if (!m.matches()) {
                    return Optional.empty();
                }
                Optional<List<Bound>> bounds = expand(m.group(1) == null ? "=" : m.group(1), m.group(2));
                if (bounds.isEmpty()) {
                    return Optional.empty();
                }
                all.addAll(bounds.get());
            }
            for (Bound b : all) {
                pre |= b.version().isPrerelease();
            }
            alts.add(List.copyOf(all));
        }
        return Optional.of(new SemverRange(List.copyOf(alts), pre));
    }

    /** Turns one comparator with wildcards, tilde or caret into plain bounds. */
    private static Optional<List<Bound>> expand(String op, String text) {
        String v = text.startsWith("v") ? text.substring(1) : text;
        String core = v.split("[-+]", 2)[0];
        String[] parts = core.split("\\.");
        int known = 0;
        while (known < parts.length && parts[known].matches("\\d+")) {
            known++;
        }
        for (int i = known; i < parts.length; i++) {
            if (!parts[i].matches("[xX*]")) {
                return Optional.empty();
            }
        }
        Optional<SemanticVersion> parsed = SemanticVersion.parse(known == parts.length ? v : joinKnown(parts, known));
        if (known == 0) {
            return op.equals("!=") ? Optional.of(List.of(new Bound("<", new SemanticVersion(0, 0, 0, "")))) : Optional.of(List.of());
        }
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        SemanticVersion base = parsed.get();
        SemanticVersion next = known == 1 ? new SemanticVersion(base.major() + 1, 0, 0, "")
                : new SemanticVersion(base.major(), base.minor() + 1, 0, "");
        boolean partial = known < 3;
        switch (op) {
            case "~", "~>":
                // ~1.2.3 := >=1.2.3 <1.3.0 ; ~1 := >=1 <2
                return Optional.of(List.of(new Bound(">=", base), new Bound("<", known == 1
                        ? new SemanticVersion(base.major() + 1, 0, 0, "")
                        : new SemanticVersion(base.major(), base.minor() + 1, 0, ""))));
            case "^":
                SemanticVersion upper = base.major() > 0 || known == 1 ? new SemanticVersion(base.major() + 1, 0, 0, "")
                        : base.minor() > 0 || known == 2 ? new SemanticVersion(0, base.minor() + 1, 0, "")
                        : new SemanticVersion(0, 0, base.patch() + 1, "");
                return Optional.of(List.of(new Bound(">=", base), new Bound("<", upper)));
            case "=":
                return Optional.of(partial ? List.of(new Bound(">=", base), new Bound("<", next)) : List.of(new Bound("=", base)));
            case "!=":
                return Optional.of(List.of(new Bound("!=", base)));
            case ">":
                return Optional.of(List.of(partial ? new Bound(">=", next) : new Bound(">", base)));
            case "<=":
                return Optional.of(List.of(partial ? new Bound("<", next) : new Bound("<=", base)));
            default:
                return Optional.of(List.of(new Bound(op, base)));
        }
    }

    private static String joinKnown(String[] parts, int known) {
        return String.join(".", java.util.Arrays.copyOf(parts, known));
    }

    /** Whether the version satisfies the range. */
    public boolean test(SemanticVersion v) {
        if (v.isPrerelease() && !allowsPrerelease) {
            return false;
        }
        for (List<Bound> alt : alternatives) {
            if (alt.stream().allMatch(b -> b.test(v))) {
                return true;
            }
        }
        return false;
    }
}
