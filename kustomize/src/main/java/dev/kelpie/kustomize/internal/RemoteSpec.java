package dev.kelpie.kustomize.internal;

import dev.kelpie.core.source.FileTree;
import dev.kelpie.core.source.PathEscapeException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A remote Git entry of {@code resources:} or {@code components:}, split as kustomize's repo
 * spec splits it: the URL to clone, the kustomization's path inside the repository, the ref,
 * the timeout and whether submodules are wanted. Immutable.
 *
 * <p>Accepted forms (query parameters {@code ref}, {@code version}, {@code timeout},
 * {@code submodules} on any of them): {@code https://host/org/repo//path},
 * {@code https://host/org/repo.git/path}, {@code https://host/org/repo/path} (the first two
 * segments are the repository), {@code github.com/org/repo/path},
 * {@code git@host:org/repo.git/path}, {@code ssh://git@host/org/repo.git//path},
 * {@code git::https://…} (the prefix is dropped), {@code file:///abs/repo.git//path} (every
 * segment is the repository unless a {@code //} or {@code .git} marks its end), and Azure's
 * {@code …/_git/repo/path}. Unlike kustomize, {@code .git} marks the end of the repository only
 * when a {@code /} or the end follows it (so {@code org/site.github.io} is not cut in two).
 *
 * @param raw the entry as written
 * @param repoUrl what to clone, e.g. {@code https://github.com/org/repo}
 * @param path the kustomization directory inside the repository ({@code ""} for its root)
 * @param ref branch, tag or commit; {@code ""} for the remote's default branch
 * @param timeout how long fetching may take (kustomize's default: 27 s)
 * @param submodules whether submodules were asked for (default true)
 */
record RemoteSpec(String raw, String repoUrl, String path, String ref, Duration timeout, boolean submodules) {
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(27);
    private static final Pattern USER = Pattern.compile("^([a-zA-Z][a-zA-Z0-9-]*)@");
    private static final Pattern DURATION_PART = Pattern.compile("(\\d*(?:\\.\\d*)?)(ns|us|µs|μs|ms|s|m|h)");
    private static final String[] SCHEMES = {"ssh://", "https://", "http://", "file://"};

    RemoteSpec {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(repoUrl, "repoUrl");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(timeout, "timeout");
    }

    /** A parse failure of something that looked like a remote URL. */
    static final class Invalid extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message);
        }
    }

    /**
     * Whether an entry is meant as a URL rather than a local path: it has a scheme, a
     * {@code git::} prefix, a {@code user@} (scp-like {@code git@host:org/repo}) or starts with
     * {@code github.com}.
     */
    static boolean looksRemote(String entry) {
        String lower = entry.toLowerCase(Locale.ROOT);
        return lower.matches("^[a-z][a-z0-9+.-]*://.*") || lower.startsWith("git::")
                || lower.startsWith("github.com/") || lower.startsWith("github.com:")
                || USER.matcher(entry).find();
    }

    /**
     * The entry as a remote Git spec, or empty when it is a local path.
     *
     * @throws Invalid when the entry looks like a URL but kustomize could not read it as one
     */
    static Optional<RemoteSpec> parse(String entry) {
        if (entry.startsWith("/") || !looksRemote(entry)) {
            return Optional.empty();
        }
        int q = entry.indexOf('?');
        String rest = q < 0 ? entry : entry.substring(0, q);
        Query query = Query.parse(q < 0 ? "" : entry.substring(q + 1));

        String lower = rest.toLowerCase(Locale.ROOT);
        if (lower.startsWith("git::")) {
            rest = rest.substring(5);
            lower = lower.substring(5);
        }
        String scheme = "";
        for (String s : SCHEMES) {
            if (lower.startsWith(s)) {
                scheme = s;
                rest = rest.substring(s.length());
                break;
            }
        }
        if (scheme.isEmpty() && rest.matches("^[A-Za-z][A-Za-z0-9+.-]*://.*")) {
            throw new Invalid("unsupported scheme '" + rest.substring(0, rest.indexOf("://") + 3)
                    + "' (kustomize takes https://, http://, ssh://, file:// and scp-like user@host:path)");
        }
        String user = "";
        Matcher m = USER.matcher(rest);
        if (m.find()) {
            user = m.group(1) + "@";
            rest = rest.substring(user.length());
        }
        String restLower = rest.toLowerCase(Locale.ROOT);
        boolean github = restLower.startsWith("github.com/") || restLower.startsWith("github.com:");
        boolean scp = scheme.isEmpty() && (!user.isEmpty() || github);
        if (scheme.isEmpty() && !scp) {
            throw new Invalid("no scheme (expected https://, ssh://, file://, or user@host:path)");
        }
        String host;
        String repoAndPath;
        if (scheme.equals("file://")) {
            host = "";
            repoAndPath = user + rest;
            user = "";
        } else {
            int sep = rest.indexOf('/');
            if (scp) {
                int colon = rest.indexOf(':');
                if (sep < 0 || colon > 0 && colon < sep) {
                    sep = colon;
                }
            }
            host = sep < 0 ? rest : rest.substring(0, sep + 1);
            repoAndPath = sep < 0 ? "" : rest.substring(sep + 1);
            if (github) {
                if (scheme.equals("ssh://") || !user.isEmpty()) {
                    scheme = "";
                    host = "github.com:";
                } else {
                    scheme = "https://";
                    user = "";
                    host = "github.com/";
                }
            }
            if (host.isEmpty() || host.equals("/") || host.equals(":")) {
                throw new Invalid("no host");
            }
        }
        String[] split = splitRepo(repoAndPath, scheme.equals("file://"));
        String repo = split[0];
        String path;
        try {
            path = FileTree.normalize(split[1].replaceFirst("^/+", ""));
        } catch (PathEscapeException e) {
            throw new Invalid("the path '" + split[1] + "' leaves the repository");
        }
        if (repo.isEmpty() || repo.equals("/")) {
            throw new Invalid("no repository path");
        }
        return Optional.of(new RemoteSpec(entry, scheme + user + host + repo, path, query.ref, query.timeout,
                query.submodules));
    }

    /** Repository path and kustomization path, by the markers {@code _git/}, {@code //}, {@code .git}. */
    private static String[] splitRepo(String s, boolean file) {
        int azure = s.indexOf("_git/");
        if (azure >= 0) {
            String after = s.substring(azure + 5);
            int slash = after.indexOf('/');
            return slash < 0 ? new String[] {s, ""}
                    : new String[] {s.substring(0, azure + 5) + after.substring(0, slash), after.substring(slash + 1)};
        }
        int dbl = s.indexOf("//", file ? 1 : 0);
        if (dbl >= 0) {
            return new String[] {s.substring(0, dbl), s.substring(dbl + 2)};
        }
        Matcher g = Pattern.compile("\\.git(?=/|$)").matcher(s);
        if (g.find()) {
            return new String[] {s.substring(0, g.end()), s.substring(g.end())};
        }
        if (file) {
            return new String[] {s, ""};
        }
        String[] segs = s.split("/", -1);
        if (segs.length < 2 || segs[0].isEmpty() || segs[1].isEmpty()) {
            throw new Invalid("expected org/repo after the host");
        }
        int cut = segs[0].length() + 1 + segs[1].length();
        return new String[] {s.substring(0, cut), cut < s.length() ? s.substring(cut + 1) : ""};
    }

    /** The query parameters kustomize reads; on a malformed query all take their defaults, as in kustomize. */
    private record Query(String ref, Duration timeout, boolean submodules) {
        static Query parse(String q) {
            Query defaults = new Query("", DEFAULT_TIMEOUT, true);
            java.util.Map<String, String> values = new java.util.HashMap<>();
            if (!q.isEmpty()) {
                for (String part : q.split("&", -1)) {
                    if (part.contains(";")) {
                        return defaults;
                    }
                    int eq = part.indexOf('=');
                    String k;
                    String v;
                    try {
                        k = decode(eq < 0 ? part : part.substring(0, eq));
                        v = eq < 0 ? "" : decode(part.substring(eq + 1));
                    } catch (IllegalArgumentException e) {
                        return defaults;
                    }
                    values.putIfAbsent(k, v);
                }
            }
            String ref = values.getOrDefault("version", "");
            if (!values.getOrDefault("ref", "").isEmpty()) {
                ref = values.get("ref");
            }
            Duration timeout = DEFAULT_TIMEOUT;
            String t = values.getOrDefault("timeout", "");
            if (!t.isEmpty()) {
                Duration d = t.matches("\\d+") ? secondsOrNull(t) : goDuration(t);
                if (d != null && !d.isNegative() && !d.isZero()) {
                    timeout = d;
                }
            }
            boolean submodules = true;
            String sm = values.getOrDefault("submodules", "");
            if (java.util.List.of("1", "t", "T", "true", "TRUE", "True").contains(sm)) {
                submodules = true;
            } else if (java.util.List.of("0", "f", "F", "false", "FALSE", "False").contains(sm)) {
                submodules = false;
            }
            return new Query(ref, timeout, submodules);
        }

        private static String decode(String s) {
            return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
        }

        private static Duration secondsOrNull(String s) {
            try {
                return Duration.ofSeconds(Long.parseLong(s));
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    /** A Go duration ({@code 90s}, {@code 1m30s}, {@code 1.5h}, {@code 500ms}), or null when malformed. */
    static Duration goDuration(String s) {
        String t = s.startsWith("+") ? s.substring(1) : s;
        if (t.isEmpty() || t.startsWith("-")) {
            return null;
        }
        Matcher m = DURATION_PART.matcher(t);
        double nanos = 0;
        int at = 0;
        while (at < t.length()) {
            if (!m.find(at) || m.start() != at || m.group(1).isEmpty() || m.group(1).equals(".")) {
                return null;
            }
            double n = Double.parseDouble(m.group(1));
            nanos += n * switch (m.group(2)) {
                case "ns" -> 1d;
                case "us", "µs", "μs" -> 1e3;
                case "ms" -> 1e6;
                case "s" -> 1e9;
                case "m" -> 60e9;
                default -> 3600e9;
            };
            at = m.end();
        }
        return Duration.ofNanos((long) nanos);
    }

    /** The repository and ref as kustomize's origin annotation writes them. */
    String origin(String pathInRepo) {
        return "path: " + pathInRepo + "\nrepo: " + repoUrl + "\n" + (ref.isEmpty() ? "" : "ref: " + ref + "\n");
    }

    /** Whether this URL is a plain HTTP(S) file (a {@code .yaml}, {@code .yml} or {@code .json} path, no repository marker). */
    boolean looksLikeHttpFile() {
        String lower = raw.toLowerCase(Locale.ROOT);
        if (!(lower.startsWith("http://") || lower.startsWith("https://"))) {
            return false;
        }
        String noQuery = raw.contains("?") ? raw.substring(0, raw.indexOf('?')) : raw;
        String afterScheme = noQuery.substring(noQuery.indexOf("://") + 3);
        boolean marked = afterScheme.contains("//") || afterScheme.contains("_git/")
                || Pattern.compile("\\.git(?=/|$)").matcher(afterScheme).find();
        return !marked && path.matches("(?i).*\\.(ya?ml|json)$");
    }
}
