package dev.kelpie.testkit.internal.ssa;

import java.util.Map;
import java.util.TreeMap;

/** A server-side apply would change fields other managers own; carries the conflicting paths per manager. */
public final class ApplyConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Map<String, FieldSet> conflicts;

    public ApplyConflictException(Map<String, FieldSet> conflicts, Map<String, String> versions) {
        super(describe(conflicts, versions));
        this.conflicts = Map.copyOf(conflicts);
    }

    public Map<String, FieldSet> conflicts() {
        return conflicts;
    }

    private static String describe(Map<String, FieldSet> conflicts, Map<String, String> versions) {
        int count = conflicts.values().stream().mapToInt(s -> s.paths().size()).sum();
        StringBuilder b = new StringBuilder("Apply failed with ").append(count)
                .append(count == 1 ? " conflict:" : " conflicts:");
        new TreeMap<>(conflicts).forEach((manager, set) -> set.paths().forEach(p -> {
            b.append(" conflict with \"").append(manager).append('"');
            String v = versions.getOrDefault(manager, "");
            if (!v.isEmpty()) {
                b.append(" using ").append(v);
            }
            b.append(": ");
            p.forEach(b::append);
        }));
        return b.toString();
    }
}
