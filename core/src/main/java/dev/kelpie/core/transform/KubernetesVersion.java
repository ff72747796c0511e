package dev.kelpie.core.transform;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Kubernetes minor version such as 1.25 (patch ignored). Immutable and thread-safe. */
public record KubernetesVersion(int major, int minor) implements Comparable<KubernetesVersion> {
    private static final Pattern VERSION = Pattern.compile("v?(\\d+)\\.(\\d+)(?:\\.\\d+)?(?:[-+].*)?");

    /**
     * Parses {@code 1.25}, {@code v1.25.3} or {@code 1.30.0-gke.1}.
     *
     * @throws IllegalArgumentException when the text is not a version
     */
    public static KubernetesVersion parse(String text) {
        Matcher m = VERSION.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a Kubernetes version such as 1.25, got '" + text + "'");
        }
        return new KubernetesVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    @Override
    public int compareTo(KubernetesVersion o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
